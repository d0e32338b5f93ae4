import type { Kysely, Selectable } from 'kysely';
import type { DraftContent, DraftResult } from '../../domain/drafts/draft.js';
import {
  type DraftStatus,
  type DraftVersion,
  DraftVersionConflictError,
  type VersionProvider,
} from '../../domain/drafts/version.js';
import type { DraftStore } from '../ports.js';
import type { Database, DraftVersionsTable } from '../schema.js';
import { fromFlag, parseJson, toDate, toDateOrNull, toFlag, toIso } from './convert.js';

function toDraftVersion(row: Selectable<DraftVersionsTable>): DraftVersion {
  return {
    id: row.id,
    teamId: row.team_id,
    dealId: row.deal_id,
    version: row.version,
    content: JSON.parse(row.content) as DraftContent,
    unverified: parseJson<DraftResult['unverified']>(row.unverified, []),
    renderedText: row.rendered_text,
    provider: row.provider as VersionProvider,
    model: row.model,
    promptTokens: row.prompt_tokens,
    completionTokens: row.completion_tokens,
    usageEstimated: fromFlag(row.usage_estimated),
    latencyMs: row.latency_ms,
    leftOut: row.left_out,
    fallbackReason: row.fallback_reason,
    citationProblems: parseJson<string[]>(row.citation_problems, []),
    citations: parseJson<number[]>(row.citations, []),
    status: row.status as DraftStatus,
    createdBy: row.created_by,
    createdAt: toDate(row.created_at),
    channelId: row.channel_id,
    messageTs: row.message_ts,
    threadTs: row.thread_ts,
    replyTs: parseJson<string[]>(row.reply_ts, []),
    statusChangedBy: row.status_changed_by,
    statusChangedAt: toDateOrNull(row.status_changed_at),
    statusNote: row.status_note,
  };
}

/** SQLite and PostgreSQL both report a unique violation; only the shape differs. */
function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export function draftRepository(db: Kysely<Database>, clock: () => Date): DraftStore {
  const getById = async (teamId: string, draftId: number): Promise<DraftVersion | null> => {
    const row = await db
      .selectFrom('draft_versions')
      .selectAll()
      .where('team_id', '=', teamId)
      .where('id', '=', draftId)
      .executeTakeFirst();
    return row ? toDraftVersion(row) : null;
  };

  return {
    async create(draft) {
      try {
        const row = await db
          .insertInto('draft_versions')
          .values({
            team_id: draft.teamId,
            deal_id: draft.dealId,
            version: draft.version,
            content: JSON.stringify(draft.content),
            unverified: JSON.stringify(draft.unverified),
            rendered_text: draft.renderedText,
            provider: draft.provider,
            model: draft.model,
            prompt_tokens: draft.promptTokens,
            completion_tokens: draft.completionTokens,
            usage_estimated: toFlag(draft.usageEstimated),
            latency_ms: Math.round(draft.latencyMs),
            left_out: draft.leftOut,
            fallback_reason: draft.fallbackReason,
            citation_problems: JSON.stringify(draft.citationProblems),
            citations: JSON.stringify(draft.citations),
            status: draft.status,
            created_by: draft.createdBy,
            created_at: toIso(clock()),
            channel_id: draft.channelId,
            message_ts: draft.messageTs,
            thread_ts: draft.threadTs,
            reply_ts: JSON.stringify(draft.replyTs),
            status_changed_by: draft.statusChangedBy,
            status_changed_at: draft.statusChangedAt ? toIso(draft.statusChangedAt) : null,
            status_note: draft.statusNote,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toDraftVersion(row);
      } catch (error) {
        if (isUniqueViolation(error)) throw new DraftVersionConflictError(draft.dealId, draft.version);
        throw error;
      }
    },
    getById,
    async latest(teamId, dealId) {
      const row = await db
        .selectFrom('draft_versions')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('deal_id', '=', dealId)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? toDraftVersion(row) : null;
    },
    async list(teamId, dealId) {
      const rows = await db
        .selectFrom('draft_versions')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('deal_id', '=', dealId)
        .orderBy('version')
        .execute();
      return rows.map(toDraftVersion);
    },
    async setStatus(teamId, draftId, status, change = {}) {
      const row = await db
        .updateTable('draft_versions')
        .set({
          status,
          status_changed_by: change.changedBy ?? null,
          status_changed_at: toIso(change.at ?? clock()),
          status_note: change.note ?? null,
        })
        .where('team_id', '=', teamId)
        .where('id', '=', draftId)
        .returningAll()
        .executeTakeFirst();
      return row ? toDraftVersion(row) : null;
    },
    async setMessage(teamId, draftId, ref) {
      const row = await db
        .updateTable('draft_versions')
        .set({
          channel_id: ref.channelId,
          message_ts: ref.messageTs,
          thread_ts: ref.threadTs,
          reply_ts: JSON.stringify(ref.replyTs),
        })
        .where('team_id', '=', teamId)
        .where('id', '=', draftId)
        .returningAll()
        .executeTakeFirst();
      return row ? toDraftVersion(row) : null;
    },
  };
}
