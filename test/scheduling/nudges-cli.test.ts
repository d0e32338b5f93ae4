import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/storage/index.js';

const run = promisify(execFile);
const TEAM = 'T0CLI';

describe('npm run nudges (CLI)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sv-nudges-cli-'));
    let now = new Date('2026-11-20T10:00:00Z');
    const storage = await openStorage(
      { engine: 'sqlite', file: path.join(dataDir, 'shared-vision.sqlite') },
      { clock: () => now },
    );
    const deal = await storage.repos.deals.upsertByChannel({
      teamId: TEAM,
      channelId: 'C0CLIDEAL',
      accountName: 'Globex <Ltd>',
      dealName: 'Pilot',
      stage: 'proposal',
      ownerUserId: 'U0CLIREP',
    });
    await storage.repos.decisions.create({
      teamId: TEAM,
      dealId: deal.id,
      title: 'Choose the pilot site',
      createdBy: 'U0CLIREP',
      ourOwnerUserId: 'U0CLIREP',
      dueDate: '2026-12-01',
    });
    now = new Date('2026-12-07T09:30:00Z');
    await storage.close();
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const cli = (args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'src/cli/nudges.ts', ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), DATA_DIR: dataDir, LOG_LEVEL: 'error' },
      timeout: 60_000,
    });

  it('--dry-run prints what the run would send', async () => {
    const { stdout } = await cli(['--dry-run', '--now', '2026-12-07T09:05:00Z']);
    expect(stdout).toContain(
      `${TEAM} ${TEAM}:2026-W50 preview (scheduled 2026-12-07T09:00:00.000Z): 2 message(s)`,
    );
    expect(stdout).toContain('--- channel C0CLIDEAL');
    expect(stdout).toContain('--- DM to U0CLIREP');
    expect(stdout).toContain('*Choose the pilot site*  ·  _6 days overdue_');
    expect(stdout).toContain('Globex &lt;Ltd&gt;');
    expect(stdout).toContain('[Mark decided] [Snooze 1 week] [Set new date] [Dropped]');

    const again = await cli(['--dry-run', '--team', TEAM, '--now', '2026-12-07T09:05:00Z']);
    expect(again.stdout).toContain('2 message(s)');
  }, 90_000);

  it('refuses to run for real without a Slack workspace, and rejects bad arguments', async () => {
    await expect(cli(['--now', '2026-12-07T09:05:00Z'])).rejects.toMatchObject({
      stderr: expect.stringContaining('no Slack workspace configured'),
    });
    await expect(cli(['--dry-run', '--team', 'nope'])).rejects.toMatchObject({
      stderr: expect.stringContaining('Slack team id'),
    });
  }, 90_000);
});
