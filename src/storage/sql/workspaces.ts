import type { Kysely } from 'kysely';
import { type Workspace, type WorkspaceSettings, withDefaultSettings } from '../../domain/workspaces.js';
import type { WorkspaceRepository } from '../ports.js';
import type { Database } from '../schema.js';
import { parseJson, toDate, toIso } from './convert.js';

export function workspaceRepository(db: Kysely<Database>, clock: () => Date): WorkspaceRepository {
  const ensure = async (teamId: string): Promise<void> => {
    const now = toIso(clock());
    await db
      .insertInto('workspaces')
      .values({ team_id: teamId, settings: '{}', created_at: now, updated_at: now })
      .onConflict((oc) => oc.column('team_id').doNothing())
      .execute();
  };

  const get = async (teamId: string): Promise<Workspace> => {
    await ensure(teamId);
    const row = await db
      .selectFrom('workspaces')
      .selectAll()
      .where('team_id', '=', teamId)
      .executeTakeFirstOrThrow();
    return {
      teamId: row.team_id,
      settings: withDefaultSettings(parseJson<Partial<WorkspaceSettings>>(row.settings, {})),
      createdAt: toDate(row.created_at),
      updatedAt: toDate(row.updated_at),
    };
  };

  return {
    get,
    async updateSettings(teamId, patch) {
      const current = await get(teamId);
      const settings = { ...current.settings, ...patch };
      await db
        .updateTable('workspaces')
        .set({ settings: JSON.stringify(settings), updated_at: toIso(clock()) })
        .where('team_id', '=', teamId)
        .execute();
      return get(teamId);
    },
    async listTeamIds() {
      const rows = await db.selectFrom('workspaces').select('team_id').orderBy('team_id').execute();
      return rows.map((r) => r.team_id);
    },
  };
}
