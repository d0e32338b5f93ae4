import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNudgeScheduler } from '../../src/scheduling/scheduler.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { botMessages, type Clock, fakeClock, jobDeps, seedStalledDeals } from './fixtures.js';

const run = promisify(execFile);

describe('nudge scheduler', () => {
  let t: TestApp;
  let clock: Clock;
  beforeAll(async () => {
    clock = fakeClock();
    t = await startTestApp({ clock: clock.fn });
    await seedStalledDeals(t, clock);
  });
  afterAll(async () => {
    await t.close();
  });

  it('ticks every 5 minutes, runs what is due at the clock’s now, and stops', async () => {
    const scheduler = startNudgeScheduler({ deps: jobDeps(t), client: t.app.bolt.client });
    try {
      const next = scheduler.nextTick();
      expect(next).toBeInstanceOf(Date);
      expect(next!.getTime() - Date.now()).toBeLessThanOrEqual(5 * 60_000);
      expect(next!.getUTCMinutes() % 5).toBe(0);
      const [report] = await scheduler.tick();
      expect(report).toMatchObject({ status: 'done', sent: 4 });
      expect(botMessages(t, t.ids.dealAcme)).toHaveLength(1);
      expect((await scheduler.tick())[0]?.status).toBe('not_due');
    } finally {
      scheduler.stop();
    }
    expect(scheduler.nextTick()).toBeNull();
  });

  it('never keeps a finished process alive (unref timer)', async () => {
    const script = [
      "import { startNudgeScheduler } from './src/scheduling/scheduler.ts';",
      "import { createLogger } from './src/logger.ts';",
      'const repos = { workspaces: { listTeamIds: async () => [] }, nudges: { teamIds: async () => [] } };',
      "const s = startNudgeScheduler({ deps: { repos, logger: createLogger('error'), clock: () => new Date() }, client: {} });",
      "console.log(s.nextTick() ? 'scheduled' : 'none');",
    ].join('\n');
    const started = Date.now();
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      timeout: 60_000,
    });
    expect(stdout.trim()).toBe('scheduled');
    // It exited on its own, long before the next 5-minute tick could fire.
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 90_000);
});
