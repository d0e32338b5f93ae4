import { type Kysely, type Selectable, sql } from 'kysely';
import type {
  NudgeRepository,
  NudgeRunRecord,
  NudgeRunStatus,
  NudgeSendKind,
  NudgeSendRecord,
  NudgeSendStatus,
  RunLockResult,
} from '../nudge-ports.js';
import type { Database, NudgeRunsTable, NudgeSendsTable } from '../schema.js';
import { parseJson, toDate, toDateOrNull, toIso } from './convert.js';
import { sweepStalled } from './nudges-sweep.js';

/** First key of the two-int advisory lock: "nudges" runs, so other features can lock teams too. */
const NUDGE_LOCK_CLASS = 0x4e55;
/** SQLite engines run in one process: a lock per database handle and team. */
const localLocks = new WeakMap<object, Set<string>>();

function toRun(row: Selectable<NudgeRunsTable>): NudgeRunRecord {
  return {
    teamId: row.team_id,
    runKey: row.run_key,
    scheduledFor: toDate(row.scheduled_for),
    startedAt: toDate(row.started_at),
    finishedAt: toDateOrNull(row.finished_at),
    status: row.status as NudgeRunStatus,
    attempts: row.attempts,
    sentCount: row.sent_count,
    failedCount: row.failed_count,
    lastError: row.last_error,
  };
}

function toSend(row: Selectable<NudgeSendsTable>): NudgeSendRecord {
  return {
    teamId: row.team_id,
    sendKey: row.send_key,
    runKey: row.run_key,
    kind: row.kind as NudgeSendKind,
    decisionIds: parseJson<number[]>(row.decision_ids, []),
    dealId: row.deal_id,
    userId: row.user_id,
    channelId: row.channel_id,
    messageTs: row.message_ts,
    status: row.status as NudgeSendStatus,
    error: row.error,
    claimedAt: toDate(row.claimed_at),
    sentAt: toDateOrNull(row.sent_at),
  };
}

export function nudgeRepository(db: Kysely<Database>, engine: 'sqlite' | 'postgres'): NudgeRepository {
  const getRun = async (teamId: string, runKey: string) => {
    const row = await db
      .selectFrom('nudge_runs')
      .selectAll()
      .where('team_id', '=', teamId)
      .where('run_key', '=', runKey)
      .executeTakeFirst();
    return row ? toRun(row) : null;
  };

  return {
    async teamIds() {
      const rows = await db.selectFrom('deals').select('team_id').distinct().orderBy('team_id').execute();
      return rows.map((row) => row.team_id);
    },

    sweepStalled: (teamId, q) => sweepStalled(db, teamId, q),

    async withRunLock<T>(teamId: string, fn: () => Promise<T>): Promise<RunLockResult<T>> {
      if (engine === 'sqlite') {
        const held = localLocks.get(db) ?? new Set<string>();
        localLocks.set(db, held);
        if (held.has(teamId)) return { acquired: false };
        held.add(teamId);
        try {
          return { acquired: true, value: await fn() };
        } finally {
          held.delete(teamId);
        }
      }
      // A session lock on one pinned connection: released by unlock, or by PostgreSQL if the process dies.
      return db.connection().execute(async (conn) => {
        const { rows } = await sql<{ locked: boolean }>`
          select pg_try_advisory_lock(${NUDGE_LOCK_CLASS}, hashtext(${teamId})) as locked`.execute(conn);
        if (!rows[0]?.locked) return { acquired: false as const };
        try {
          return { acquired: true as const, value: await fn() };
        } finally {
          await sql`select pg_advisory_unlock(${NUDGE_LOCK_CLASS}, hashtext(${teamId}))`.execute(conn);
        }
      });
    },

    async startRun(teamId, runKey, scheduledFor, at) {
      await db
        .insertInto('nudge_runs')
        .values({
          team_id: teamId,
          run_key: runKey,
          scheduled_for: toIso(scheduledFor),
          started_at: toIso(at),
          status: 'running',
          attempts: 1,
          sent_count: 0,
          failed_count: 0,
        })
        .onConflict((oc) =>
          oc.columns(['team_id', 'run_key']).doUpdateSet((eb) => ({
            status: 'running',
            started_at: toIso(at),
            finished_at: null,
            attempts: eb('nudge_runs.attempts', '+', 1),
          })),
        )
        .execute();
      const run = await getRun(teamId, runKey);
      if (!run) throw new Error(`nudge run ${runKey} vanished`);
      return run;
    },

    async finishRun(teamId, runKey, result, at) {
      await db
        .updateTable('nudge_runs')
        .set({
          status: result.status,
          finished_at: toIso(at),
          sent_count: result.sentCount,
          failed_count: result.failedCount,
          last_error: result.error ?? null,
        })
        .where('team_id', '=', teamId)
        .where('run_key', '=', runKey)
        .execute();
    },

    getRun,

    async lastRunKey(teamId) {
      const row = await db
        .selectFrom('nudge_runs')
        .select('run_key')
        .where('team_id', '=', teamId)
        .where('status', '=', 'done')
        .orderBy('scheduled_for', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.run_key ?? null;
    },

    async claimSend(claim) {
      const inserted = await db
        .insertInto('nudge_sends')
        .values({
          team_id: claim.teamId,
          send_key: claim.sendKey,
          run_key: claim.runKey,
          kind: claim.kind,
          decision_ids: JSON.stringify(claim.decisionIds),
          deal_id: claim.dealId,
          user_id: claim.userId,
          channel_id: claim.channelId,
          status: 'sending',
          claimed_at: toIso(claim.claimedAt),
        })
        .onConflict((oc) => oc.columns(['team_id', 'send_key']).doNothing())
        .returning('send_key')
        .executeTakeFirst();
      return inserted !== undefined;
    },

    async markSent(teamId, sendKey, messageTs, at) {
      await db
        .updateTable('nudge_sends')
        .set({ status: 'sent', message_ts: messageTs, sent_at: toIso(at), error: null })
        .where('team_id', '=', teamId)
        .where('send_key', '=', sendKey)
        .execute();
    },

    async markFailed(teamId, sendKey, error, at) {
      await db
        .updateTable('nudge_sends')
        .set({ status: 'failed', error, sent_at: toIso(at) })
        .where('team_id', '=', teamId)
        .where('send_key', '=', sendKey)
        .where('status', '=', 'sending')
        .execute();
    },

    async releaseSend(teamId, sendKey) {
      await db
        .deleteFrom('nudge_sends')
        .where('team_id', '=', teamId)
        .where('send_key', '=', sendKey)
        .where('status', '=', 'sending')
        .execute();
    },

    async listSends(teamId, runKey) {
      const rows = await db
        .selectFrom('nudge_sends')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('run_key', '=', runKey)
        .orderBy('id')
        .execute();
      return rows.map(toSend);
    },

    async findByMessage(teamId, channelId, messageTs) {
      const row = await db
        .selectFrom('nudge_sends')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('channel_id', '=', channelId)
        .where('message_ts', '=', messageTs)
        .executeTakeFirst();
      return row ? toSend(row) : null;
    },

    async touchByThread(teamId, channelId, threadTs, at) {
      const iso = toIso(at);
      const result = await db
        .updateTable('decisions')
        .set({ last_activity_at: iso })
        .where('team_id', '=', teamId)
        .where('thread_ts', '=', threadTs)
        .where('last_activity_at', '<', iso)
        .where('deal_id', 'in', (eb) =>
          eb
            .selectFrom('deals')
            .select('deals.id')
            .where('deals.team_id', '=', teamId)
            .where('deals.channel_id', '=', channelId),
        )
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
