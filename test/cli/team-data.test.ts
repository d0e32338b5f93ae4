import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseConfig } from '../../src/config/config.js';
import { openStorage } from '../../src/storage/index.js';
import { testEngines } from '../support/databases.js';
import { seedTeam } from '../support/team-seed.js';

const run = promisify(execFile);

/** Runs `npm run workspace` as a process against the given database. */
async function teamDataCli(config: DatabaseConfig, args: string[]) {
  const dataDir = config.engine === 'sqlite' ? path.dirname(config.file) : os.tmpdir();
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli/team-data.ts', ...args],
      {
        cwd: path.resolve(import.meta.dirname, '../..'),
        env: {
          PATH: process.env.PATH ?? '',
          HOME: os.tmpdir(),
          DATA_DIR: dataDir,
          LOG_LEVEL: 'error',
          DOTENV_CONFIG_PATH: '/nonexistent/.env',
          ...(config.engine === 'postgres' ? { DATABASE_URL: config.url } : {}),
        },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe.each(testEngines())('npm run workspace on $name', (engine) => {
  let config: DatabaseConfig;
  let drop: () => Promise<void>;
  beforeEach(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sv-team-data-'));
    const created = engine.name === 'sqlite' ? null : await engine.create();
    config = created?.config ?? { engine: 'sqlite', file: path.join(dir, 'shared-vision.sqlite') };
    drop = async () => {
      await created?.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
    const storage = await openStorage(config);
    await seedTeam(storage.repos, 'T0ONE');
    await seedTeam(storage.repos, 'T0TWO');
    await storage.close();
  });
  afterEach(async () => drop());

  it('exports one team as JSON, then purges it only with --yes', async () => {
    const exported = await teamDataCli(config, ['export', '--team', 'T0ONE']);
    expect(exported.code).toBe(0);
    const json = JSON.parse(exported.stdout) as {
      teamId: string;
      tables: Record<string, Array<{ team_id: string }>>;
    };
    expect(json.teamId).toBe('T0ONE');
    expect(json.tables.deals).toHaveLength(1);
    expect(json.tables.entries?.[0]).toMatchObject({
      team_id: 'T0ONE',
      statement: 'Driver of T0ONE, reworded',
    });
    expect(exported.stdout).not.toContain('T0TWO');

    const refused = await teamDataCli(config, ['purge', '--team', 'T0ONE']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('purging cannot be undone');

    const purged = await teamDataCli(config, ['purge', '--team', 'T0ONE', '--yes']);
    expect(purged.code).toBe(0);
    expect(purged.stdout).toMatch(/^purged T0ONE: \d+ rows/);

    const storage = await openStorage(config);
    expect(await storage.repos.deals.list('T0ONE')).toEqual([]);
    expect(await storage.repos.deals.list('T0TWO')).toHaveLength(1);
    await storage.close();
  }, 90_000);

  it('rejects a malformed team id with the usage', async () => {
    const bad = await teamDataCli(config, ['export', '--team', 'acme']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--team must be a Slack team id');
    expect(bad.stderr).toContain('usage: npm run workspace');
  }, 30_000);
});
