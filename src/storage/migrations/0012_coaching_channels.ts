import type { Kysely } from 'kysely';
import type { ColumnTypes, VersionedMigration } from './columns.js';

/** The internal channel linked to a deal in /vision setup: coaching for a Slack Connect deal channel goes there. */
export const coachingChannels: VersionedMigration = {
  async up(db: Kysely<unknown>, t: ColumnTypes) {
    await db.schema
      .createTable('deal_coaching_channels')
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('deal_id', 'integer', (c) => c.notNull().references('deals.id').onDelete('cascade'))
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint('deal_coaching_channels_pk', ['team_id', 'deal_id'])
      .execute();
  },
};
