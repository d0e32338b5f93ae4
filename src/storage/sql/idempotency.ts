import type { Kysely } from 'kysely';
import type { IdempotencyRepository } from '../ports.js';
import type { Database } from '../schema.js';
import { toIso } from './convert.js';

const DAY_SECONDS = 86_400;

export function idempotencyRepository(db: Kysely<Database>, clock: () => Date): IdempotencyRepository {
  return {
    async claim(teamId, key, now = clock(), ttlSeconds = DAY_SECONDS) {
      const nowIso = toIso(now);
      await db.deleteFrom('idempotency_keys').where('expires_at', '<', nowIso).execute();
      const inserted = await db
        .insertInto('idempotency_keys')
        .values({
          team_id: teamId,
          key,
          created_at: nowIso,
          expires_at: toIso(new Date(now.getTime() + ttlSeconds * 1000)),
        })
        .onConflict((oc) => oc.columns(['team_id', 'key']).doNothing())
        .returning('key')
        .executeTakeFirst();
      return inserted !== undefined;
    },
    async release(teamId, key) {
      await db.deleteFrom('idempotency_keys').where('team_id', '=', teamId).where('key', '=', key).execute();
    },
  };
}
