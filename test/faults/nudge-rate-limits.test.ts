import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWeeklyNudges } from '../../src/scheduling/run-weekly-nudges.js';
import {
  botMessages,
  type Clock,
  fakeClock,
  jobDeps,
  RUN_AT,
  type Seeded,
  seedStalledDeals,
} from '../scheduling/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

/**
 * A weekly nudge's button while Slack answers 429 and 5xx to the app's chat.update: the click is acked in time,
 * the decision is snoozed once, and the message shows it once Slack answers. (The nudge run's own posts under
 * 429/5xx: test/scheduling/weekly-run.test.ts.)
 */
describe('Slack answering 429 and 5xx while a nudge message is updated, through the receiver', () => {
  let t: TestApp;
  let clock: Clock;
  let seeded: Seeded;
  let ts: string;
  beforeAll(async () => {
    clock = fakeClock();
    t = await startTestApp({ clock: clock.fn });
    seeded = await seedStalledDeals(t, clock);
    clock.now = RUN_AT;
    await runWeeklyNudges({ now: clock.now, deps: jobDeps(t), client: t.app.bolt.client });
    ts = botMessages(t, t.ids.dealAcme)[0]!.ts;
    clock.now = new Date(RUN_AT.getTime() + 3_600_000);
  });
  afterAll(async () => {
    await t.close();
  });

  it('Snooze: acked at once; chat.update retried after a 429 and two 503s; the message updated once', async () => {
    t.emulator.failNext('chat.update', { status: 429, retryAfter: 1 });
    t.emulator.failNext('chat.update', { status: 503 }, 2);
    const started = Date.now();
    const click = await t.driver.clickButton(ts, 'nudge_snooze', t.ids.manager, {
      blockId: `nudge_actions:${seeded.idle.id}`,
    });
    expect(click.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3_000);
    const message = () => JSON.stringify(t.emulator.state.findMessage(t.ids.dealAcme, ts)!.blocks);
    await waitFor('the message update', () => message().includes('Snoozed until <!date^'), 20_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const snoozed = await t.repos.decisions.getById(t.ids.team, seeded.idle.id);
    expect(snoozed?.snoozedUntil).toEqual(new Date(clock.now.getTime() + 7 * 86_400_000));
    expect(t.emulator.calls('chat.update').length).toBeGreaterThanOrEqual(4);
    expect(botMessages(t, t.ids.dealAcme).filter((m) => m.ts === ts)).toHaveLength(1);
  });
});
