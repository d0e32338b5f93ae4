import type { Kysely, Selectable } from 'kysely';
import type { RecapSubmission, RecapSubmissionStatus } from '../../domain/recap/submission.js';
import type { RecapSubmissionRepository } from '../ports.js';
import type { Database, RecapSubmissionsTable } from '../schema.js';
import { toDate, toIso } from './convert.js';

function fromRow(row: Selectable<RecapSubmissionsTable>): RecapSubmission {
  return {
    id: row.id,
    teamId: row.team_id,
    dealId: row.deal_id,
    channelId: row.channel_id,
    userId: row.user_id,
    viewId: row.view_id,
    payload: row.payload,
    title: row.title,
    status: row.status as RecapSubmissionStatus,
    failure: row.failure,
    meetingId: row.meeting_id,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

export function recapSubmissionRepository(db: Kysely<Database>): RecapSubmissionRepository {
  return {
    async saveOnce(submission, now) {
      const at = toIso(now);
      const row = await db
        .insertInto('recap_submissions')
        .values({
          team_id: submission.teamId,
          deal_id: submission.dealId,
          channel_id: submission.channelId,
          user_id: submission.userId,
          view_id: submission.viewId,
          payload: submission.payload,
          title: submission.title,
          status: 'pending',
          failure: null,
          meeting_id: null,
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) => oc.columns(['team_id', 'view_id']).doNothing())
        .returningAll()
        .executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async get(teamId, id) {
      const row = await db
        .selectFrom('recap_submissions')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async finish(teamId, id, outcome, now) {
      await db
        .updateTable('recap_submissions')
        .set({
          status: outcome.status,
          failure: outcome.failure,
          updated_at: toIso(now),
          // Once posted, the text lives in the meeting: no second copy is kept.
          ...(outcome.status === 'posted' ? { payload: '' } : {}),
        })
        .where('team_id', '=', teamId)
        .where('id', '=', id)
        .execute();
    },
    async setMeeting(teamId, id, meetingId, now) {
      await db
        .updateTable('recap_submissions')
        .set({ meeting_id: meetingId, updated_at: toIso(now) })
        .where('team_id', '=', teamId)
        .where('id', '=', id)
        .execute();
    },
    async claimRetry(teamId, id, seenUpdatedAt, now) {
      const result = await db
        .updateTable('recap_submissions')
        .set({ status: 'pending', failure: null, updated_at: toIso(now) })
        .where('team_id', '=', teamId)
        .where('id', '=', id)
        .where('status', '!=', 'posted')
        .where('updated_at', '=', toIso(seenUpdatedAt))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async listUnfinishedByUser(teamId, userId, stalledBefore, limit) {
      const rows = await db
        .selectFrom('recap_submissions')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('user_id', '=', userId)
        .where((eb) =>
          eb.or([
            eb('status', '=', 'failed'),
            eb.and([eb('status', '=', 'pending'), eb('updated_at', '<', toIso(stalledBefore))]),
          ]),
        )
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(fromRow);
    },
  };
}
