import type { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { runWeeklyNudges } from '../../src/scheduling/run-weekly-nudges.js';
import { openStorage } from '../../src/storage/index.js';
import { testEngines } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import {
  BETA,
  botMessages,
  type Clock,
  fakeClock,
  jobDeps,
  quickClient,
  RUN_AT,
  seedStalledDeals,
} from './fixtures.js';

const RUN_KEY = 'T0LOCAL:2026-W50';
const minutesAfterRun = (minutes: number) => new Date(RUN_AT.getTime() + minutes * 60_000);

/** Every nudge landed exactly once: one message per deal channel, one DM per owner. */
function expectEachNudgeOnce(t: TestApp) {
  expect(botMessages(t, t.ids.dealAcme)).toHaveLength(1);
  expect(botMessages(t, BETA)).toHaveLength(1);
  expect(t.emulator.state.dmsTo(t.ids.rep)).toHaveLength(1);
  expect(t.emulator.state.dmsTo(t.ids.manager)).toHaveLength(1);
}

describe('an interrupted weekly run resumes without duplicates or gaps', () => {
  let t: TestApp;
  let clock: Clock;
  afterEach(async () => {
    await t.close();
  });

  async function start() {
    clock = fakeClock();
    t = await startTestApp({ clock: clock.fn });
    await seedStalledDeals(t, clock);
  }

  it('a second channel post that keeps failing (5xx after all retries) is sent once on the next tick', async () => {
    await start();
    let waits = 0;
    // The pacer waits before every post but the first: before the 2nd post, make Slack answer 500 to the
    // first attempt and to the one retry the client makes.
    const sleep = async () => {
      waits++;
      if (waits === 1) t.emulator.failNext('chat.postMessage', { status: 500 }, 2);
    };
    const client = quickClient(t);
    const [first] = await runWeeklyNudges({
      now: clock.now,
      deps: jobDeps(t, { postGapMs: 60_000, sleep }),
      client,
    });
    expect(first).toMatchObject({ status: 'incomplete', sent: 3, pending: 1 });
    expect(botMessages(t, BETA)).toHaveLength(0);
    expect((await t.repos.nudges.getRun(t.ids.team, RUN_KEY))?.status).toBe('incomplete');

    // Next tick, after the claim lease: history shows it never landed, so it is sent now, and only it.
    clock.now = minutesAfterRun(5);
    const [second] = await runWeeklyNudges({ now: clock.now, deps: jobDeps(t), client });
    expect(second).toMatchObject({ status: 'done', sent: 1, pending: 0, alreadySent: 3 });
    expectEachNudgeOnce(t);
    const [third] = await runWeeklyNudges({ now: minutesAfterRun(10), deps: jobDeps(t), client });
    expect(third?.status).toBe('not_due');
  });

  it('a crash after a post but before it was recorded finds the message by its metadata and does not resend', async () => {
    await start();
    const real = t.app.bolt.client;
    let posts = 0;
    const crashing = {
      conversations: real.conversations,
      chat: {
        postMessage: async (args: Parameters<WebClient['chat']['postMessage']>[0]) => {
          const result = await real.chat.postMessage(args);
          posts++;
          if (posts === 2) throw new Error('process killed after the post landed');
          return result;
        },
      },
    } as unknown as WebClient;
    const [first] = await runWeeklyNudges({ now: clock.now, deps: jobDeps(t), client: crashing });
    expect(first).toMatchObject({ status: 'incomplete', pending: 1 });
    expect(botMessages(t, BETA)).toHaveLength(1);
    expect(
      (await t.repos.nudges.listSends(t.ids.team, RUN_KEY)).filter((s) => s.status === 'sending'),
    ).toHaveLength(1);

    // Within the lease the claim may still be in flight elsewhere: left alone.
    clock.now = minutesAfterRun(1);
    const [tooSoon] = await runWeeklyNudges({ now: clock.now, deps: jobDeps(t), client: real });
    expect(tooSoon).toMatchObject({ status: 'incomplete', sent: 0 });

    clock.now = minutesAfterRun(5);
    const [resumed] = await runWeeklyNudges({ now: clock.now, deps: jobDeps(t), client: real });
    expect(resumed).toMatchObject({ status: 'done', sent: 0, pending: 0 });
    expectEachNudgeOnce(t);
    const sends = await t.repos.nudges.listSends(t.ids.team, RUN_KEY);
    expect(sends.map((s) => s.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(sends.find((s) => s.channelId === BETA)?.messageTs).toBe(botMessages(t, BETA)[0]!.ts);
  });

  it('a channel Slack refuses for good (bot removed) is recorded as failed and the run still finishes', async () => {
    await start();
    t.emulator.state.leaveChannel(BETA, t.ids.botUser);
    const [report] = await runWeeklyNudges({ now: clock.now, deps: jobDeps(t), client: t.app.bolt.client });
    expect(report).toMatchObject({ status: 'done', sent: 3, failed: 1 });
    const failed = (await t.repos.nudges.listSends(t.ids.team, RUN_KEY)).find((s) => s.status === 'failed');
    expect(failed).toMatchObject({ channelId: BETA, error: 'not_in_channel' });
  });
});

const postgres = testEngines().find((engine) => engine.name === 'postgres');

describe.runIf(postgres)('two app instances against one PostgreSQL', () => {
  it('run concurrently and send each nudge once (advisory lock + unique claims)', async () => {
    const clock = fakeClock();
    const t = await startTestApp({ clock: clock.fn, engine: postgres! });
    const second = await openStorage(t.app.config.database, { clock: clock.fn, migrate: false });
    try {
      await seedStalledDeals(t, clock);
      const other = { ...t.app.deps, repos: second.repos, postGapMs: 5 };
      const reports = await Promise.all([
        runWeeklyNudges({ now: clock.now, deps: jobDeps(t, { postGapMs: 5 }), client: t.app.bolt.client }),
        runWeeklyNudges({ now: clock.now, deps: other, client: quickClient(t) }),
        runWeeklyNudges({ now: clock.now, deps: other, client: quickClient(t) }),
      ]);
      const statuses = reports.map(([r]) => r?.status).sort();
      expect(statuses.filter((s) => s === 'done')).toHaveLength(1);
      expect(
        statuses.filter((s) => s === 'done').length +
          statuses.filter((s) => s === 'locked' || s === 'not_due').length,
      ).toBe(3);
      expectEachNudgeOnce(t);
      const [late] = await runWeeklyNudges({ now: clock.now, deps: other, client: quickClient(t) });
      expect(late?.status).toBe('not_due');
      expect(t.emulator.calls('chat.postMessage').filter((c) => c.status === 200)).toHaveLength(4);
    } finally {
      await second.close();
      await t.close();
    }
  });
});
