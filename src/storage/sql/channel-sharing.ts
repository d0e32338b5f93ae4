import type { Kysely } from 'kysely';
import type { ChannelSharingRepository } from '../install-ports.js';
import type { Database } from '../schema.js';
import { fromFlag, toDate, toFlag, toIso } from './convert.js';

export function channelSharingRepository(db: Kysely<Database>): ChannelSharingRepository {
  return {
    async get(teamId, channelId) {
      const row = await db
        .selectFrom('channel_sharing')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('channel_id', '=', channelId)
        .executeTakeFirst();
      return row ? { isExtShared: fromFlag(row.is_ext_shared), checkedAt: toDate(row.checked_at) } : null;
    },
    async set(teamId, channelId, isExtShared, at) {
      const values = { is_ext_shared: toFlag(isExtShared), checked_at: toIso(at) };
      await db
        .insertInto('channel_sharing')
        .values({ team_id: teamId, channel_id: channelId, ...values })
        .onConflict((oc) => oc.columns(['team_id', 'channel_id']).doUpdateSet(values))
        .execute();
    },
  };
}
