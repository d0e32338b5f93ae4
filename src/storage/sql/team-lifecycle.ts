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
});

export function teamLifecycleRepository(db: Kysely<Database>): TeamLifecycleRepository {
  return {
    async markUninstalled(teamId, enterpriseId, at, purgeAfter) {
      await db
        .insertInto('team_uninstalls')
        .values({
          team_id: teamId,
          enterprise_id: enterpriseId ?? '',
          uninstalled_at: toIso(at),
          purge_after: toIso(purgeAfter),
          purged_at: null,
        })
        .onConflict((oc) => oc.column('team_id').doNothing())
        .execute();
    },
    async markReinstalled(teamId) {
      await db.deleteFrom('team_uninstalls').where('team_id', '=', teamId).execute();
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
