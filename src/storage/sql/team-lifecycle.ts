import type { Kysely } from 'kysely';
import type { TeamLifecycleRepository, TeamUninstall } from '../install-ports.js';
import type { Database, TeamUninstallsTable } from '../schema.js';
import { toDate, toDateOrNull, toIso } from './convert.js';

const fromRow = (row: TeamUninstallsTable): TeamUninstall => ({
  teamId: row.team_id,
  enterpriseId: row.enterprise_id || null,
  uninstalledAt: toDate(row.uninstalled_at),
  purgeAfter: toDate(row.purge_after),
  purgedAt: toDateOrNull(row.purged_at),
  byOrg: Number(row.by_org) === 1,
});

export function teamLifecycleRepository(db: Kysely<Database>): TeamLifecycleRepository {
  return {
    async markUninstalled(teamId, enterpriseId, at, purgeAfter, options = {}) {
      await db
        .insertInto('team_uninstalls')
        .values({
          team_id: teamId,
          enterprise_id: enterpriseId ?? '',
          uninstalled_at: toIso(at),
          purge_after: toIso(purgeAfter),
          purged_at: null,
          by_org: options.byOrg ? 1 : 0,
        })
        .onConflict((oc) => oc.column('team_id').doNothing())
        .execute();
    },
    async markReinstalled(teamId) {
      await db.deleteFrom('team_uninstalls').where('team_id', '=', teamId).execute();
    },
    async markOrgReinstalled(enterpriseId) {
      const rows = await db
        .deleteFrom('team_uninstalls')
        .where('enterprise_id', '=', enterpriseId)
        .where('by_org', '=', 1)
        .returning('team_id')
        .execute();
      return rows.map((r) => r.team_id).sort();
    },
    async rememberOrgWorkspaces(enterpriseId, teamIds, at) {
      if (teamIds.length === 0) return;
      await db
        .insertInto('org_workspaces')
        .values(
          teamIds.map((teamId) => ({ enterprise_id: enterpriseId, team_id: teamId, seen_at: toIso(at) })),
        )
        .onConflict((oc) => oc.columns(['enterprise_id', 'team_id']).doUpdateSet({ seen_at: toIso(at) }))
        .execute();
    },
    async orgWorkspaces(enterpriseId) {
      const rows = await db
        .selectFrom('org_workspaces')
        .select('team_id')
        .where('enterprise_id', '=', enterpriseId)
        .orderBy('team_id')
        .execute();
      return rows.map((r) => r.team_id);
    },
    async get(teamId) {
      const row = await db
        .selectFrom('team_uninstalls')
        .selectAll()
        .where('team_id', '=', teamId)
        .executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async duePurges(now) {
      const rows = await db
        .selectFrom('team_uninstalls')
        .selectAll()
        .where('purged_at', 'is', null)
        .where('purge_after', '<=', toIso(now))
        .orderBy('purge_after')
        .execute();
      return rows.map(fromRow);
    },
    async markPurged(teamId, at) {
      await db
        .updateTable('team_uninstalls')
        .set({ purged_at: toIso(at) })
        .where('team_id', '=', teamId)
        .execute();
    },
  };
}
