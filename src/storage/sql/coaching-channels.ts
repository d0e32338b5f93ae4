import type { Kysely } from 'kysely';
import type { CoachingChannelRepository } from '../install-ports.js';
import type { Database } from '../schema.js';
import { toIso } from './convert.js';

export function coachingChannelRepository(db: Kysely<Database>): CoachingChannelRepository {
  return {
    async get(teamId, dealId) {
      const row = await db
        .selectFrom('deal_coaching_channels')
        .select('channel_id')
        .where('team_id', '=', teamId)
        .where('deal_id', '=', dealId)
        .executeTakeFirst();
      return row?.channel_id ?? null;
    },
    async set(teamId, dealId, channelId, at) {
      if (channelId === null) {
        await db
          .deleteFrom('deal_coaching_channels')
          .where('team_id', '=', teamId)
          .where('deal_id', '=', dealId)
          .execute();
        return;
      }
      const values = { channel_id: channelId, updated_at: toIso(at) };
      await db
        .insertInto('deal_coaching_channels')
        .values({ team_id: teamId, deal_id: dealId, ...values })
        .onConflict((oc) => oc.columns(['team_id', 'deal_id']).doUpdateSet(values))
        .execute();
    },
  };
}
