import type { Kysely, Selectable } from 'kysely';
import {
  decisionProposalSchema,
  entryProposalSchema,
  type Meeting,
  type MeetingAnalysis,
  type MeetingStatus,
  type NewAttendee,
  type ProposalStatus,
  type RecapProposal,
} from '../../domain/recap/meeting.js';
import type { MeetingRepository } from '../ports.js';
import type { Database, MeetingsTable, RecapProposalsTable } from '../schema.js';
import { parseJson, toDate, toDateOrNull, toIso } from './convert.js';

export function toMeeting(row: Selectable<MeetingsTable>): Meeting {
  return {
    id: row.id,
    teamId: row.team_id,
    dealId: row.deal_id,
    channelId: row.channel_id,
    title: row.title,
    meetingDate: row.meeting_date,
    startsAt: toDateOrNull(row.starts_at),
    endsAt: toDateOrNull(row.ends_at),
    status: row.status as MeetingStatus,
    ourUserIds: parseJson<string[]>(row.our_user_ids, []),
    customerStakeholderIds: parseJson<number[]>(row.customer_stakeholder_ids, []),
    customerNew: parseJson<NewAttendee[]>(row.customer_new, []),
    notes: row.notes,
    transcript: row.transcript,
    proposedByUs: row.proposed_by_us,
    recapTs: row.recap_ts,
    promptTs: row.prompt_ts,
    promptPostedAt: toDateOrNull(row.prompt_posted_at),
    analysis: parseJson<MeetingAnalysis | null>(row.analysis, null),
    createdBy: row.created_by,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

/** Rows whose payload no longer parses are skipped rather than shown half-broken. */
export function toProposal(row: Selectable<RecapProposalsTable>): RecapProposal | null {
  const base = {
    id: row.id,
    teamId: row.team_id,
    meetingId: row.meeting_id,
    status: row.status as ProposalStatus,
    messageTs: row.message_ts,
    resolvedBy: row.resolved_by,
    resolvedAt: toDateOrNull(row.resolved_at),
  };
  const raw = parseJson<unknown>(row.payload, null);
  if (row.kind === 'entry') {
    const payload = entryProposalSchema.safeParse(raw);
    return payload.success ? { ...base, kind: 'entry', payload: payload.data, entryId: row.entry_id } : null;
  }
  const payload = decisionProposalSchema.safeParse(raw);
  return payload.success
    ? { ...base, kind: 'decision', payload: payload.data, decisionId: row.decision_id }
    : null;
}

const json = (value: unknown): string => JSON.stringify(value);
const present = <T>(value: T | null): value is T => value !== null;

export function meetingRepository(db: Kysely<Database>, clock: () => Date): MeetingRepository {
  return {
    async create(meeting) {
      const now = toIso(clock());
      const row = await db
        .insertInto('meetings')
        .values({
          team_id: meeting.teamId,
          deal_id: meeting.dealId,
          channel_id: meeting.channelId,
          title: meeting.title,
          meeting_date: meeting.meetingDate,
          starts_at: meeting.startsAt ? toIso(meeting.startsAt) : null,
          ends_at: meeting.endsAt ? toIso(meeting.endsAt) : null,
          status: meeting.status,
          our_user_ids: json(meeting.ourUserIds ?? []),
          customer_stakeholder_ids: json(meeting.customerStakeholderIds ?? []),
          customer_new: json(meeting.customerNew ?? []),
          notes: meeting.notes ?? null,
          transcript: meeting.transcript ?? null,
          proposed_by_us: meeting.proposedByUs ?? null,
          analysis: meeting.analysis ? json(meeting.analysis) : null,
          created_by: meeting.createdBy,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toMeeting(row);
    },

    async getById(teamId, meetingId) {
      const row = await db
        .selectFrom('meetings')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('id', '=', meetingId)
        .executeTakeFirst();
      return row ? toMeeting(row) : null;
    },

    async update(teamId, meetingId, patch) {
      const row = await db
        .updateTable('meetings')
        .set({
          ...(patch.title !== undefined && { title: patch.title }),
          ...(patch.meetingDate !== undefined && { meeting_date: patch.meetingDate }),
          ...(patch.status !== undefined && { status: patch.status }),
          ...(patch.ourUserIds !== undefined && { our_user_ids: json(patch.ourUserIds) }),
          ...(patch.customerStakeholderIds !== undefined && {
            customer_stakeholder_ids: json(patch.customerStakeholderIds),
          }),
          ...(patch.customerNew !== undefined && { customer_new: json(patch.customerNew) }),
          ...(patch.notes !== undefined && { notes: patch.notes }),
          ...(patch.transcript !== undefined && { transcript: patch.transcript }),
          ...(patch.proposedByUs !== undefined && { proposed_by_us: patch.proposedByUs }),
          ...(patch.recapTs !== undefined && { recap_ts: patch.recapTs }),
          ...(patch.channelId !== undefined && { channel_id: patch.channelId }),
          ...(patch.promptTs !== undefined && { prompt_ts: patch.promptTs }),
          ...(patch.analysis !== undefined && {
            analysis: patch.analysis ? json(patch.analysis) : null,
          }),
          updated_at: toIso(clock()),
        })
        .where('team_id', '=', teamId)
        .where('id', '=', meetingId)
        .returningAll()
        .executeTakeFirst();
      return row ? toMeeting(row) : null;
    },

    async listDuePrompts(teamId, now, notBefore) {
      const rows = await db
        .selectFrom('meetings')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('status', '=', 'scheduled')
        .where('prompt_posted_at', 'is', null)
        .where('ends_at', '<=', toIso(now))
        .where('ends_at', '>', toIso(notBefore))
        .orderBy('ends_at')
        .orderBy('id')
        .execute();
      return rows.map(toMeeting);
    },

    async listTeamsWithDuePrompts(now, notBefore) {
      const rows = await db
        .selectFrom('meetings')
        .select('team_id')
        .distinct()
        .where('status', '=', 'scheduled')
        .where('prompt_posted_at', 'is', null)
        .where('ends_at', '<=', toIso(now))
        .where('ends_at', '>', toIso(notBefore))
        .orderBy('team_id')
        .execute();
      return rows.map((r) => r.team_id);
    },

    async claimPrompt(teamId, meetingId, now) {
      const result = await db
        .updateTable('meetings')
        .set({ prompt_posted_at: toIso(now) })
        .where('team_id', '=', teamId)
        .where('id', '=', meetingId)
        .where('prompt_posted_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async releasePrompt(teamId, meetingId) {
      await db
        .updateTable('meetings')
        .set({ prompt_posted_at: null })
        .where('team_id', '=', teamId)
        .where('id', '=', meetingId)
        .where('prompt_ts', 'is', null)
        .execute();
    },

    async addProposals(teamId, meetingId, proposals) {
      if (proposals.length === 0) return [];
      const now = toIso(clock());
      const rows = await db
        .insertInto('recap_proposals')
        .values(
          proposals.map((p) => ({
            team_id: teamId,
            meeting_id: meetingId,
            kind: p.kind,
            payload: json(p.payload),
            status: 'proposed',
            created_at: now,
          })),
        )
        .returningAll()
        .execute();
      return rows
        .sort((a, b) => a.id - b.id)
        .map(toProposal)
        .filter(present);
    },

    async getProposal(teamId, proposalId) {
      const row = await db
        .selectFrom('recap_proposals')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('id', '=', proposalId)
        .executeTakeFirst();
      return row ? toProposal(row) : null;
    },

    async listProposals(teamId, meetingId) {
      const rows = await db
        .selectFrom('recap_proposals')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('meeting_id', '=', meetingId)
        .orderBy('id')
        .execute();
      return rows.map(toProposal).filter(present);
    },

    async setProposalMessage(teamId, proposalIds, messageTs) {
      if (proposalIds.length === 0) return;
      await db
        .updateTable('recap_proposals')
        .set({ message_ts: messageTs })
        .where('team_id', '=', teamId)
        .where('id', 'in', proposalIds)
        .execute();
    },

    async resolveProposal(teamId, proposalId, status, userId, now) {
      const result = await db
        .updateTable('recap_proposals')
        .set({ status, resolved_by: userId, resolved_at: toIso(now) })
        .where('team_id', '=', teamId)
        .where('id', '=', proposalId)
        .where('status', '=', 'proposed')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async setProposalResult(teamId, proposalId, result) {
      await db
        .updateTable('recap_proposals')
        .set({
          ...(result.entryId !== undefined && { entry_id: result.entryId }),
          ...(result.decisionId !== undefined && { decision_id: result.decisionId }),
        })
        .where('team_id', '=', teamId)
        .where('id', '=', proposalId)
        .execute();
    },

    async reopenProposal(teamId, proposalId) {
      await db
        .updateTable('recap_proposals')
        .set({ status: 'proposed', resolved_by: null, resolved_at: null })
        .where('team_id', '=', teamId)
        .where('id', '=', proposalId)
        .where('entry_id', 'is', null)
        .where('decision_id', 'is', null)
        .execute();
    },
  };
}
