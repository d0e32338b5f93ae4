import type { Kysely } from 'kysely';
import type { ColumnTypes, VersionedMigration } from './columns.js';

/**
 * Enterprise Grid org-wide installs, on uninstall.
 * - org_workspaces: the workspaces an org-wide installation was seen acting in (auth.teams.list, requests), so
 *   uninstalling the org (after which its token no longer answers) still knows whose jobs to stop and data to
 *   purge.
 * - team_uninstalls.by_org: 1 when the workspace left with its whole org (an org-wide reinstall brings it back),
 *   0 when it uninstalled on its own or was removed from the org install.
 */
export const orgWorkspaces: VersionedMigration = {
  async up(db: Kysely<unknown>, t: ColumnTypes) {
    await db.schema
      .createTable('org_workspaces')
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('seen_at', t.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint('org_workspaces_pk', ['enterprise_id', 'team_id'])
      .execute();
    await db.schema
      .alterTable('team_uninstalls')
      .addColumn('by_org', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
