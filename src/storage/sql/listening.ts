import type { Kysely } from 'kysely';
import type { ListeningRepository } from '../ports.js';
import type { Database } from '../schema.js';
import { toIso } from './convert.js';

const DAY_MS = 86_400_000;
/** The nudge log only serves rate limiting; older rows are pruned. */
const NUDGE_RETENTION_MS = 30 * DAY_MS;

export function listeningRepository(db: Kysely<Database>, clock: () => Date): ListeningRepository {
  return {
    async claimEvent(teamId, eventKey, now = clock()) {
      await db
        .deleteFrom('processed_events')
        .where('received_at', '<', toIso(new Date(now.getTime() - DAY_MS)))
        .execute();
      const inserted = await db
        .insertInto('processed_events')
        .values({ team_id: teamId, event_id: eventKey, received_at: toIso(now) })
        .onConflict((oc) => oc.columns(['team_id', 'event_id']).doNothing())
        .returning('event_id')
        .executeTakeFirst();
      return inserted !== undefined;
    },

    async releaseEvent(teamId, eventKey) {
      await db
        .deleteFrom('processed_events')
        .where('team_id', '=', teamId)
        .where('event_id', '=', eventKey)
        .execute();
    },

    async claimNudge(nudge) {
      await db
        .deleteFrom('listen_nudges')
        .where('team_id', '=', nudge.teamId)
        .where('sent_at', '<', toIso(new Date(nudge.sentAt.getTime() - NUDGE_RETENTION_MS)))
        .execute();
      const inserted = await db
        .insertInto('listen_nudges')
        .values({
          team_id: nudge.teamId,
          deal_id: nudge.dealId,
          user_id: nudge.userId,
          kind: nudge.kind,
          period_key: nudge.periodKey,
          sent_at: toIso(nudge.sentAt),
        })
        .onConflict((oc) => oc.columns(['team_id', 'deal_id', 'user_id', 'kind', 'period_key']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted !== undefined;
    },

    async releaseNudge(nudge) {
      await db
        .deleteFrom('listen_nudges')
        .where('team_id', '=', nudge.teamId)
        .where('deal_id', '=', nudge.dealId)
        .where('user_id', '=', nudge.userId)
        .where('kind', '=', nudge.kind)
        .where('period_key', '=', nudge.periodKey)
        .execute();
    },

    async countNudgesSince(teamId, dealId, userId, kind, since) {
      const row = await db
        .selectFrom('listen_nudges')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('team_id', '=', teamId)
        .where('deal_id', '=', dealId)
        .where('user_id', '=', userId)
        .where('kind', '=', kind)
        .where('sent_at', '>=', toIso(since))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async isQuiet(teamId, userId) {
      const row = await db
        .selectFrom('listen_quiet_users')
        .select('user_id')
        .where('team_id', '=', teamId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row !== undefined;
    },

    async setQuiet(teamId, userId, quiet, now = clock()) {
      if (!quiet) {
        await db
          .deleteFrom('listen_quiet_users')
          .where('team_id', '=', teamId)
          .where('user_id', '=', userId)
          .execute();
        return;
      }
      await db
        .insertInto('listen_quiet_users')
        .values({ team_id: teamId, user_id: userId, quiet_since: toIso(now) })
        .onConflict((oc) => oc.columns(['team_id', 'user_id']).doNothing())
        .execute();
    },
  };
}
