import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineProvider } from '../../src/llm/fallback.js';
import { draftVision } from '../../src/services/draft-vision.js';
import { openStorage } from '../../src/storage/index.js';

const run = promisify(execFile);

/** Runs the CLI as `npm run export` would, against the SQLite database under `dataDir`. */
async function exportCli(dataDir: string, args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli/export.ts', ...args],
      {
        cwd: path.resolve(import.meta.dirname, '../..'),
        env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), DATA_DIR: dataDir, LOG_LEVEL: 'error' },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run export (CLI)', () => {
  let dataDir: string;
  let markdown: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sv-export-'));
    const storage = await openStorage({ engine: 'sqlite', file: path.join(dataDir, 'shared-vision.sqlite') });
    const { repos } = storage;
    const link = (teamId: string, channelId: string, accountName: string) =>
      repos.deals.upsertByChannel({
        teamId,
        channelId,
        accountName,
        dealName: 'Routing',
        stage: 'discovery',
        ownerUserId: 'U0REP',
      });
    const deal = await link('T0ONE', 'C0CLI', 'Acme <!channel>');
    await link('T0ONE', 'C0NODRAFT', 'Initech');
    await link('T0ONE', 'C0SHARED', 'Umbrella');
    await link('T0TWO', 'C0SHARED', 'Umbrella too');
    const base = {
      teamId: 'T0ONE',
      dealId: deal.id,
      stakeholderId: null,
      source: null,
      saidOn: '2026-02-10',
      priority: 'high' as const,
      status: 'confirmed' as const,
      constraintCategory: null,
      severity: null,
      createdBy: 'U0REP',
    };
    await repos.entries.create({
      ...base,
      kind: 'driver',
      statement: 'Shipments lose three days',
      quote: 'we lose three days',
    });
    await repos.entries.create({
      ...base,
      kind: 'success_factor',
      statement: '95% on time by Q3',
      quote: null,
    });
    const deps = {
      drafts: repos.drafts,
      drafter: offlineProvider,
      listEntries: (t: string, d: number) => repos.entries.listByDeal(t, d),
      listStakeholders: (t: string, d: number) => repos.stakeholders.listByDeal(t, d),
    };
    await draftVision(deps, deal, 'U0REP');
    markdown = (await draftVision(deps, deal, 'U0REP')).version.renderedText;
    await storage.close();
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the latest draft’s Markdown to stdout, finding the team from the channel or with --team', async () => {
    const [found, withTeam] = await Promise.all([
      exportCli(dataDir, ['--channel', 'C0CLI']),
      exportCli(dataDir, ['--channel', 'C0CLI', '--team', 'T0ONE']),
    ]);
    expect(found.stderr).toBe('');
    expect(found.code).toBe(0);
    expect(found.stdout).toBe(markdown);
    expect(found.stdout).toContain("# Here's what we heard: Acme &lt;!channel&gt;");
    expect(found.stdout).toContain('version 2');
    expect(found.stdout).toContain('“we lose three days”');
    expect(withTeam.stdout).toBe(markdown);
  });

  it('exits non-zero with a clear message when there is no deal, no draft, no single team or bad arguments', async () => {
    const cases: [string[], number, string][] = [
      [['--channel', 'C0CLI', '--team', 'T0TWO'], 1, 'No deal is linked to channel C0CLI'],
      [['--channel', 'C0NODRAFT'], 1, 'Initech has no shared vision draft yet'],
      [['--channel', 'C0SHARED'], 1, 'several workspaces (T0ONE, T0TWO): pass --team'],
      [
        ['--channel', 'general'],
        2,
        '--channel must be a Slack channel id such as C0123ABC\nusage: npm run export',
      ],
    ];
    const results = await Promise.all(cases.map(([args]) => exportCli(dataDir, args)));
    results.forEach((result, i) => {
      const [args, code, message] = cases[i]!;
      expect({ args, code: result.code, stdout: result.stdout }).toEqual({ args, code, stdout: '' });
      expect(result.stderr).toContain(message);
    });
  });
}, 120_000);
