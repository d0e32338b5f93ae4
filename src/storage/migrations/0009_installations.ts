import type { Kysely } from 'kysely';
import type { ColumnTypes, VersionedMigration } from './columns.js';

/**
 * Multi-workspace installs.
 * - installations: one row per workspace (team) or per Enterprise Grid org-wide install (team_id ''); the
 *   Installation itself (tokens included) is stored only sealed with AES-256-GCM.
 * - team_uninstalls: workspaces that uninstalled the app, and when their data is purged.
 */
export const installations: VersionedMigration = {
  async up(db: Kysely<unknown>, t: ColumnTypes) {
    await db.schema
      .createTable('installations')
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('is_enterprise_install', 'integer', (c) => c.notNull())
      .addColumn('bot_user_id', 'text')
      .addColumn('sealed', 'text', (c) => c.notNull())
      .addColumn('installed_at', t.timestamp, (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint('installations_pk', ['enterprise_id', 'team_id'])
      .execute();

    await db.schema
      .createTable('team_uninstalls')
      .addColumn('team_id', 'text', (c) => c.primaryKey())
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      .addColumn('uninstalled_at', t.timestamp, (c) => c.notNull())
      .addColumn('purge_after', t.timestamp, (c) => c.notNull())
      .addColumn('purged_at', t.timestamp)
      .execute();
  },
};
