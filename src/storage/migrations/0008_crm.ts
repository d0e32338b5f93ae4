import type { Kysely } from 'kysely';
import type { ColumnTypes, VersionedMigration } from './columns.js';

/**
 * CRM sync (Salesforce, HubSpot):
 * - crm_credentials: tokens per team and CRM, sealed with AES-256-GCM before they get here.
 * - crm_links: the one CRM record a deal is linked to, and the last snapshot read from it.
 * - crm_writes: the audit log of every write attempted (what, before, after, who, outcome).
 * - crm_field_maps: which of our fields an admin mapped to which CRM field.
 */
export const crm: VersionedMigration = {
  async up(db: Kysely<unknown>, t: ColumnTypes) {
    await db.schema
      .createTable('crm_credentials')
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('access_token_sealed', 'text', (c) => c.notNull())
      .addColumn('refresh_token_sealed', 'text')
      .addColumn('instance_url', 'text', (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint('crm_credentials_pk', ['team_id', 'provider'])
      .execute();
    await db.schema
      .createTable('crm_links')
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('deal_id', 'integer', (c) => c.notNull().references('deals.id').onDelete('cascade'))
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('snapshot', 'text', (c) => c.notNull())
      .addColumn('linked_by', 'text', (c) => c.notNull())
      .addColumn('refreshed_at', t.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint('crm_links_pk', ['team_id', 'deal_id'])
      .execute();
    await t
      .id(db.schema.createTable('crm_writes'))
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('deal_id', 'integer', (c) => c.notNull().references('deals.id').onDelete('cascade'))
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('before_value', 'text')
      .addColumn('after_value', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('crm_id', 'text')
      .addColumn('message', 'text')
      .addColumn('at', t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('crm_writes_deal_idx')
      .on('crm_writes')
      .columns(['team_id', 'deal_id', 'at'])
      .execute();
    await db.schema
      .createTable('crm_field_maps')
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('field_label', 'text', (c) => c.notNull())
      .addColumn('mapped_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('crm_field_maps_pk', ['team_id', 'provider', 'source'])
      .execute();
  },
};
