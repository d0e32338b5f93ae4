import type { Kysely } from 'kysely';
import type { ListenModelRepository } from '../ports.js';
import type { Database } from '../schema.js';
import { toDate, toIso } from './convert.js';

/** Days of counts kept (the cap only reads today's). */
const USAGE_KEPT_DAYS = 7;

const daysBefore = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

export function listenModelRepository(db: Kysely<Database>): ListenModelRepository {
  return {
    async getSetting(teamId) {
      const row = await db
        .selectFrom('listen_model_settings')
        .selectAll()
        .where('team_id', '=', teamId)
        .executeTakeFirst();
      if (!row) return { enabled: false, changedBy: null, changedAt: null };
      return {
        enabled: Number(row.enabled) === 1,
        changedBy: row.changed_by,
        changedAt: toDate(row.changed_at),
      };
    },

    async setEnabled(teamId, enabled, userId, now) {
      const values = { enabled: enabled ? 1 : 0, changed_by: userId, changed_at: toIso(now) };
      await db
        .insertInto('listen_model_settings')
        .values({ team_id: teamId, ...values })
        .onConflict((oc) => oc.column('team_id').doUpdateSet(values))
        .execute();
    },

    async takeCall(teamId, day, cap) {
      if (cap < 1) return false;
      await db
        .deleteFrom('listen_model_usage')
        .where('team_id', '=', teamId)
        .where('day', '<', daysBefore(day, USAGE_KEPT_DAYS))
        .execute();
      // One statement, so two messages at once cannot both take the last call.
      const counted = await db
        .insertInto('listen_model_usage')
        .values({ team_id: teamId, day, calls: 1 })
        .onConflict((oc) =>
          oc
            .columns(['team_id', 'day'])
            .doUpdateSet((eb) => ({ calls: eb('listen_model_usage.calls', '+', 1) }))
            .where('listen_model_usage.calls', '<', cap),
        )
        .returning('calls')
        .executeTakeFirst();
      return counted !== undefined;
    },

    async callsOn(teamId, day) {
      const row = await db
        .selectFrom('listen_model_usage')
        .select('calls')
        .where('team_id', '=', teamId)
        .where('day', '=', day)
        .executeTakeFirst();
      return Number(row?.calls ?? 0);
    },
  };
}
