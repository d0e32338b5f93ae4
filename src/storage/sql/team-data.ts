import type { Kysely } from 'kysely';
import type { CrmTables } from '../crm-schema.js';
import type { TeamDataRepository, TeamTables } from '../install-ports.js';
import type { Database } from '../schema.js';

type TeamTable = Exclude<keyof (Database & CrmTables), 'team_uninstalls'>;

/**
 * Every table holding a team's rows, children before parents (foreign keys). A storage test compares this list
 * with the live schema, so a new table with a team_id column cannot be forgotten by the purge.
 */
export const TEAM_TABLES: readonly TeamTable[] = [
  'crm_writes',
  'crm_field_maps',
  'crm_links',
  'crm_credentials',
  'entry_revisions',
  'recap_proposals',
  'listen_nudges',
  'nudge_sends',
  'nudge_runs',
  'draft_versions',
  'deal_coaching_channels',
  'recap_submissions',
  'meetings',
  'decisions',
  'entries',
  'stakeholders',
  'deals',
  'processed_events',
  'idempotency_keys',
  'listen_quiet_users',
  'listen_model_settings',
  'listen_model_usage',
  'channel_sharing',
  'workspaces',
  'org_workspaces',
  'installations',
];

/** Never exported: they hold (sealed) tokens or bookkeeping only. */
const NOT_EXPORTED: ReadonlySet<TeamTable> = new Set([
  'installations',
  'crm_credentials',
  'idempotency_keys',
  'processed_events',
  'channel_sharing',
  'listen_model_usage',
  'org_workspaces',
]);

export function teamDataRepository(database: Kysely<Database>): TeamDataRepository {
  const db = database.withTables<CrmTables>();
  return {
    async exportTeam(teamId) {
      const tables: TeamTables = {};
      for (const table of [...TEAM_TABLES].reverse()) {
        if (NOT_EXPORTED.has(table)) continue;
        const rows = await db.selectFrom(table).selectAll().where('team_id', '=', teamId).execute();
        tables[table] = rows as Array<Record<string, unknown>>;
      }
      return tables;
    },
    async purgeTeam(teamId) {
      return db.transaction().execute(async (trx) => {
        const counts: Record<string, number> = {};
        for (const table of TEAM_TABLES) {
          const result = await trx.deleteFrom(table).where('team_id', '=', teamId).executeTakeFirst();
          counts[table] = Number(result.numDeletedRows);
        }
        return counts;
      });
    },
  };
}
