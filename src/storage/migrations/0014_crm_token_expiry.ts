import type { Kysely } from 'kysely';
import type { ColumnTypes, VersionedMigration } from './columns.js';

/**
 * CRM tokens that expire (HubSpot OAuth access tokens live 30 minutes): when the stored access token stops
 * working, and which account (HubSpot portal) the team connected. Both null for Salesforce and private apps.
 */
export const crmTokenExpiry: VersionedMigration = {
  async up(db: Kysely<unknown>, t: ColumnTypes) {
    await db.schema.alterTable('crm_credentials').addColumn('expires_at', t.timestamp).execute();
    await db.schema.alterTable('crm_credentials').addColumn('account_id', 'text').execute();
  },
};
