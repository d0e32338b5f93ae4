import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseConfig } from '../../src/config/config.js';
import { connect } from '../../src/storage/connect.js';
import { openStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/ports.js';
import { TEAM_TABLES } from '../../src/storage/sql/team-data.js';
import { testEngines } from '../support/databases.js';
import { seedTeam } from '../support/team-seed.js';

describe.each(testEngines())('one team’s data on $name: export and purge', (engine) => {
  let storage: Storage;
  let config: DatabaseConfig;
  let drop: () => Promise<void>;
  beforeEach(async () => {
    const created = await engine.create();
    config = created.config;
    drop = created.drop;
    storage = await openStorage(config, { tokenEncryptionKey: randomBytes(32) });
    for (const teamId of ['T0ONE', 'T0TWO']) {
      await seedTeam(storage.repos, teamId);
      await storage.repos.installations.save({
        key: { enterpriseId: null, teamId },
        isEnterpriseInstall: false,
        botUserId: 'U0BOT',
        json: JSON.stringify({ team: { id: teamId }, bot: { token: `xoxb-${teamId}-SECRET` } }),
      });
    }
  });
  afterEach(async () => {
    await storage.close();
    await drop();
  });

  /** Rows of `teamId` in every table that has a team_id column, read from the live schema. */
  async function rowsPerTable(teamId: string): Promise<Record<string, number>> {
    const raw = connect(config);
    try {
      const tables = await raw.db.introspection.getTables();
      const counts: Record<string, number> = {};
      for (const table of tables.filter((t) => t.columns.some((c) => c.name === 'team_id'))) {
        if (table.name === 'team_uninstalls') continue;
        const rows = await raw.db
          .selectFrom(table.name as 'deals')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('team_id', '=', teamId)
          .executeTakeFirstOrThrow();
        counts[table.name] = Number(rows.n);
      }
      return counts;
    } finally {
      await raw.db.destroy();
    }
  }

  it('the purge knows every table that holds team rows', async () => {
    expect(Object.keys(await rowsPerTable('T0ONE')).sort()).toEqual([...TEAM_TABLES].sort());
  });

  it('exports only that team, without tokens', async () => {
    const tables = await storage.repos.teamData.exportTeam('T0ONE');
    const text = JSON.stringify(tables);
    expect(tables.deals).toHaveLength(1);
    expect(tables.entries).toHaveLength(1);
    expect(tables.entry_revisions).toHaveLength(1);
    expect(tables.decisions).toHaveLength(1);
    expect(text).toContain('Driver of T0ONE, reworded');
    expect(text).not.toContain('T0TWO');
    expect(text).not.toContain('SECRET');
    expect(tables).not.toHaveProperty('installations');
  });

  it('purges every row of that team in every table and leaves the other team intact', async () => {
    const before = await rowsPerTable('T0TWO');
    const counts = await storage.repos.teamData.purgeTeam('T0ONE');
    expect(counts.deals).toBe(1);
    expect(counts.installations).toBe(1);
    expect(Object.values(await rowsPerTable('T0ONE')).every((n) => n === 0)).toBe(true);
    expect(await rowsPerTable('T0TWO')).toEqual(before);
    expect(await storage.repos.deals.list('T0TWO')).toHaveLength(1);
  });

  it('schedules a purge after the grace period, never restarts it, and forgets it on reinstall', async () => {
    const { teamLifecycle } = storage.repos;
    const at = new Date('2026-12-01T10:00:00Z');
    const after = new Date('2026-12-31T10:00:00Z');
    await teamLifecycle.markUninstalled('T0ONE', null, at, after);
    await teamLifecycle.markUninstalled('T0ONE', null, after, new Date('2027-01-30T10:00:00Z'));
    expect(await teamLifecycle.duePurges(new Date('2026-12-31T09:59:59Z'))).toEqual([]);
    expect((await teamLifecycle.duePurges(after)).map((u) => u.teamId)).toEqual(['T0ONE']);
    await teamLifecycle.markPurged('T0ONE', after);
    expect(await teamLifecycle.duePurges(after)).toEqual([]);
    await teamLifecycle.markUninstalled('T0TWO', null, at, after);
    await teamLifecycle.markReinstalled('T0TWO');
    expect(await teamLifecycle.get('T0TWO')).toBeNull();
  });

  it('remembers the workspaces of an org, brings back only those that left with the org, forgets them on purge', async () => {
    const { teamLifecycle, teamData } = storage.repos;
    const at = new Date('2026-12-01T10:00:00Z');
    const after = new Date('2026-12-31T10:00:00Z');
    await teamLifecycle.rememberOrgWorkspaces('E0ORG', ['T0TWO', 'T0ONE'], at);
    await teamLifecycle.rememberOrgWorkspaces('E0ORG', ['T0ONE'], after);
    await teamLifecycle.rememberOrgWorkspaces('E0OTHER', ['T0THREE'], at);
    expect(await teamLifecycle.orgWorkspaces('E0ORG')).toEqual(['T0ONE', 'T0TWO']);

    await teamLifecycle.markUninstalled('T0ONE', 'E0ORG', at, after);
    await teamLifecycle.markUninstalled('T0TWO', 'E0ORG', at, after, { byOrg: true });
    await teamLifecycle.markUninstalled('T0THREE', 'E0OTHER', at, after, { byOrg: true });
    expect(await teamLifecycle.get('T0TWO')).toMatchObject({ enterpriseId: 'E0ORG', byOrg: true });
    expect(await teamLifecycle.markOrgReinstalled('E0ORG')).toEqual(['T0TWO']);
    expect(await teamLifecycle.get('T0TWO')).toBeNull();
    expect(await teamLifecycle.get('T0ONE')).toMatchObject({ byOrg: false });
    expect(await teamLifecycle.get('T0THREE')).toMatchObject({ byOrg: true });

    const counts = await teamData.purgeTeam('T0ONE');
    expect(counts.org_workspaces).toBe(1);
    expect(await teamLifecycle.orgWorkspaces('E0ORG')).toEqual(['T0TWO']);
    expect(await teamLifecycle.orgWorkspaces('E0OTHER')).toEqual(['T0THREE']);
  });
});
