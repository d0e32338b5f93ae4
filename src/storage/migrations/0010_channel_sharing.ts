import type { Kysely } from 'kysely';
import type { ColumnTypes, VersionedMigration } from './columns.js';

/** Whether each channel is shared with another organisation (Slack Connect), as last read from Slack. */
export const channelSharing: VersionedMigration = {
  async up(db: Kysely<unknown>, t: ColumnTypes) {
    await db.schema
      .createTable('channel_sharing')
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('is_ext_shared', 'integer', (c) => c.notNull())
      .addColumn('checked_at', t.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint('channel_sharing_pk', ['team_id', 'channel_id'])
      .execute();
  },
};
