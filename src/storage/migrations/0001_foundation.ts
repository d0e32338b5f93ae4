import type { Kysely } from 'kysely';
import type { ColumnTypes, VersionedMigration } from './columns.js';

export const foundation: VersionedMigration = {
  async up(db: Kysely<unknown>, t: ColumnTypes) {
    await db.schema
      .createTable('workspaces')
      .addColumn('team_id', 'text', (c) => c.primaryKey())
      .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .execute();

    await t
      .id(db.schema.createTable('deals'))
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('account_name', 'text', (c) => c.notNull())
      .addColumn('deal_name', 'text', (c) => c.notNull())
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('owner_user_id', 'text', (c) => c.notNull())
      .addColumn('crm_url', 'text')
      .addColumn('stall_days', 'integer')
      .addColumn('nudges_muted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .addUniqueConstraint('deals_team_channel_unique', ['team_id', 'channel_id'])
      .execute();
    await db.schema
      .createIndex('deals_team_owner_idx')
      .on('deals')
      .columns(['team_id', 'owner_user_id'])
      .execute();

    await db.schema
      .createTable('idempotency_keys')
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('expires_at', t.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_keys_pk', ['team_id', 'key'])
      .execute();
  },
};
