import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { startScheduler } from '../../src/scheduling/scheduler.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { botMessages, type Clock, fakeClock, jobDeps, RUN_AT, seedStalledDeals } from './fixtures.js';

const run = promisify(execFile);

describe('scheduler (weekly nudges + recap prompts)', () => {
  let t: TestApp;
  let clock: Clock;
  let acmeId: number;
  beforeAll(async () => {
    clock = fakeClock();
    t = await startTestApp({ clock: clock.fn });
    acmeId = (await seedStalledDeals(t, clock)).acme.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('ticks nudges every 5 minutes, runs what is due at the clock’s now, and stops', async () => {
    const scheduler = startScheduler({ deps: jobDeps(t), client: t.app.bolt.client });
    try {
      const next = scheduler.nudges.nextTick();
      expect(next).toBeInstanceOf(Date);
      expect(next!.getTime() - Date.now()).toBeLessThanOrEqual(5 * 60_000);
      expect(next!.getUTCMinutes() % 5).toBe(0);
      const [report] = await scheduler.nudges.tick();
      expect(report).toMatchObject({ status: 'done', sent: 4 });
      expect(botMessages(t, t.ids.dealAcme)).toHaveLength(1);
      expect((await scheduler.nudges.tick())[0]?.status).toBe('not_due');
    } finally {
      scheduler.stop();
    }
    expect(scheduler.nudges.nextTick()).toBeNull();
    expect(scheduler.recapPrompts.nextTick()).toBeNull();
  });

  it('ticks recap prompts every minute: a meeting that ended gets its prompt once', async () => {
    const scheduler = startScheduler({ deps: jobDeps(t), client: t.app.bolt.client });
    try {
      const next = scheduler.recapPrompts.nextTick();
      expect(next).toBeInstanceOf(Date);
      expect(next!.getTime() - Date.now()).toBeLessThanOrEqual(60_000);
      await t.repos.meetings.create({
        teamId: t.ids.team,
        dealId: acmeId,
        channelId: t.ids.dealAcme,
        title: 'Pilot review',
        meetingDate: '2026-12-07',
        status: 'scheduled',
        createdBy: t.ids.rep,
        startsAt: new Date(RUN_AT.getTime() - 60 * 60_000),
        endsAt: new Date(RUN_AT.getTime() - 15 * 60_000),
        ourUserIds: [t.ids.rep],
      });
      expect(await scheduler.recapPrompts.tick()).toEqual({ posted: 1, failed: 0 });
      expect(await scheduler.recapPrompts.tick()).toEqual({ posted: 0, failed: 0 });
      const prompts = botMessages(t, t.ids.dealAcme).filter((m) =>
        m.text.startsWith('How did Pilot review go?'),
      );
      expect(prompts).toHaveLength(1);
    } finally {
      scheduler.stop();
    }
  });

  it('startApp starts the timers only when asked, and stop() stops them', async () => {
    expect(t.app.scheduler).toBeNull();
    const app = await startApp(t.app.config, {
      host: '127.0.0.1',
      clock: clock.fn,
      scheduler: true,
      logger: createLogger('error', 'second-instance', () => undefined),
    });
    const scheduler = app.scheduler;
    try {
      expect(scheduler?.nudges.nextTick()).toBeInstanceOf(Date);
      expect(scheduler?.recapPrompts.nextTick()).toBeInstanceOf(Date);
    } finally {
      await app.stop();
    }
    expect(scheduler?.nudges.nextTick()).toBeNull();
    expect(scheduler?.recapPrompts.nextTick()).toBeNull();
  });

  it('never keeps a finished process alive (unref timers)', async () => {
    const script = [
      "import { startScheduler } from './src/scheduling/scheduler.ts';",
      "import { createLogger } from './src/logger.ts';",
      'const repos = { workspaces: { listTeamIds: async () => [] }, nudges: { teamIds: async () => [] } };',
      "const s = startScheduler({ deps: { repos, logger: createLogger('error'), clock: () => new Date() }, client: {} });",
      "console.log(s.nudges.nextTick() && s.recapPrompts.nextTick() ? 'scheduled' : 'none');",
    ].join('\n');
    const started = Date.now();
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      timeout: 60_000,
    });
    expect(stdout.trim()).toBe('scheduled');
    // It exited on its own, long before the next minute tick could fire.
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 90_000);
});
