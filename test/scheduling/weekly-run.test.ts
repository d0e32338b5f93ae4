import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runWeeklyNudges } from '../../src/scheduling/run-weekly-nudges.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import {
  BETA,
  botMessages,
  type Clock,
  fakeClock,
  jobDeps,
  MUTED,
  RUN_AT,
  type Seeded,
  seedStalledDeals,
  textOf,
} from './fixtures.js';

describe('weekly nudge run, end to end through the emulator', () => {
  let t: TestApp;
  let clock: Clock;
  let seeded: Seeded;
  beforeEach(async () => {
    clock = fakeClock();
    t = await startTestApp({ clock: clock.fn });
    seeded = await seedStalledDeals(t, clock);
  });
  afterEach(async () => {
    await t.close();
  });

  const run = (extra = {}) =>
    runWeeklyNudges({ now: clock.now, deps: jobDeps(t), client: t.app.bolt.client, ...extra });

  it('is not due again until next week once the run is done', async () => {
    expect((await run())[0]?.status).toBe('done');
    // Sunday 18:05 UTC: before next Monday's 09:00 anywhere (UTC+14 reaches it at 19:00 UTC).
    const [sunday] = await runWeeklyNudges({
      now: new Date(RUN_AT.getTime() + 6 * 86_400_000 - 3 * 3_600_000),
      deps: jobDeps(t),
      client: t.app.bolt.client,
    });
    expect(sunday).toMatchObject({ teamId: t.ids.team, status: 'not_due', sent: 0 });
    clock.now = new Date('2026-12-14T21:05:00Z');
    const [nextWeek] = await run();
    expect(nextWeek).toMatchObject({ status: 'done', runKey: `${t.ids.team}:2026-W51` });
    expect(botMessages(t, t.ids.dealAcme)).toHaveLength(2);
  });

  it('posts one message per deal channel and one DM per owner, once per week', async () => {
    const [report] = await run();
    expect(report).toMatchObject({
      status: 'done',
      runKey: `${t.ids.team}:2026-W50`,
      sent: 4,
      failed: 0,
      pending: 0,
    });

    const [acme, ...moreAcme] = botMessages(t, t.ids.dealAcme);
    expect(moreAcme).toHaveLength(0);
    const acmeText = textOf(acme!);
    // Overdue first, then idle; nothing snoozed, decided, fresh.
    expect(acmeText.indexOf('Pick a pilot region')).toBeLessThan(acmeText.indexOf('Approve the'));
    expect(acmeText).toContain('6 days overdue');
    expect(acmeText).toContain('idle 10 days');
    expect(acmeText).toContain('Customer owner: Dana Lee');
    expect(acmeText).toContain(`Our owner: <@${t.ids.rep}>`);
    expect(acmeText).toContain('Next step:* Ask Dana');
    for (const absent of ['Fresh decision', 'Snoozed decision', 'Decided decision'])
      expect(acmeText).not.toContain(absent);
    expect(acme!.metadata).toMatchObject({ event_type: 'vision_nudge' });
    const buttons = JSON.stringify(acme!.blocks).match(/"action_id":"nudge_[a-z_]+"/g) ?? [];
    expect(buttons).toHaveLength(8);

    expect(botMessages(t, BETA).map((m) => m.text)).toEqual(['1 customer decision stalled at Beta Freight']);
    expect(botMessages(t, MUTED)).toHaveLength(0);

    const repDms = t.emulator.state.dmsTo(t.ids.rep);
    const managerDms = t.emulator.state.dmsTo(t.ids.manager);
    expect(repDms).toHaveLength(1);
    expect(textOf(repDms[0]!)).toContain('Pick a pilot region');
    expect(textOf(repDms[0]!)).not.toContain('Muted decision');
    expect(managerDms).toHaveLength(1);
    expect(textOf(managerDms[0]!)).toContain('Approve the');
    expect(textOf(managerDms[0]!)).toContain('Choose a carrier');
    expect(textOf(managerDms[0]!)).toContain(`<#${BETA}>`);

    // The next ticks of the same week send nothing.
    clock.now = new Date(RUN_AT.getTime() + 3_600_000);
    const [again] = await run();
    expect(again).toMatchObject({ status: 'not_due' });
    expect(t.emulator.calls('chat.postMessage').filter((c) => c.status === 200)).toHaveLength(4);
    const sends = await t.repos.nudges.listSends(t.ids.team, `${t.ids.team}:2026-W50`);
    expect(sends.map((s) => s.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(sends[0]!.decisionIds).toEqual([seeded.overdue.id, seeded.idle.id]);
  });

  it('escapes customer words and titles so they cannot ping or format', async () => {
    await run();
    const [acme] = botMessages(t, t.ids.dealAcme);
    const blocks = JSON.stringify(acme!.blocks);
    expect(blocks).not.toContain('<!channel>');
    expect(blocks).toContain('&lt;!channel&gt; &amp; more');
    expect(blocks).toContain('Approve the &lt;b&gt;budget&lt;/b&gt;');
    expect(blocks).toContain('Acme &lt;Corp&gt; &amp; Co');
  });

  it('retries 429s and 5xx from Slack without losing or doubling a nudge', async () => {
    t.emulator.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    t.emulator.failNext('chat.postMessage', { status: 503 }, 2);
    t.emulator.failNext('conversations.open', { status: 500 });
    const [report] = await run();
    expect(report).toMatchObject({ status: 'done', sent: 4, pending: 0 });
    expect(botMessages(t, t.ids.dealAcme)).toHaveLength(1);
    expect(botMessages(t, BETA)).toHaveLength(1);
    expect(t.emulator.state.dmsTo(t.ids.rep)).toHaveLength(1);
    expect(t.emulator.state.dmsTo(t.ids.manager)).toHaveLength(1);
    expect(t.emulator.calls('chat.postMessage').length).toBeGreaterThanOrEqual(7);
  });

  it('does not nudge when the workspace turned nudges off, and honours a per-deal stall period', async () => {
    await t.repos.deals.update(t.ids.team, seeded.beta.id, { stallDays: 30 });
    const [report] = await run();
    expect(report?.status).toBe('done');
    expect(botMessages(t, BETA)).toHaveLength(0);

    await t.repos.workspaces.updateSettings(t.ids.team, { nudgesEnabled: false });
    clock.now = new Date(RUN_AT.getTime() + 7 * 86_400_000);
    const [off] = await run();
    expect(off?.status).toBe('disabled');
  });

  it('dry run previews the next run without posting or recording anything', async () => {
    const [early] = await runWeeklyNudges({
      now: RUN_AT,
      deps: jobDeps(t),
      client: t.app.bolt.client,
      dryRun: true,
    });
    expect(early).toMatchObject({ status: 'preview', runKey: `${t.ids.team}:2026-W50` });
    expect(early!.scheduledFor).toEqual(new Date('2026-12-07T09:00:00Z'));
    expect(early!.preview.map((p) => [p.kind, p.target])).toEqual([
      ['channel', t.ids.dealAcme],
      ['channel', BETA],
      ['digest', t.ids.manager],
      ['digest', t.ids.rep],
    ]);
    expect(t.emulator.calls('chat.postMessage')).toHaveLength(0);
    expect(await t.repos.nudges.listSends(t.ids.team, `${t.ids.team}:2026-W50`)).toHaveLength(0);
    expect(await t.repos.nudges.getRun(t.ids.team, `${t.ids.team}:2026-W50`)).toBeNull();

    // After this week's run, the preview is next week's run.
    await run();
    const [next] = await runWeeklyNudges({
      now: clock.now,
      deps: jobDeps(t),
      client: t.app.bolt.client,
      dryRun: true,
    });
    expect(next).toMatchObject({ status: 'preview', runKey: `${t.ids.team}:2026-W51` });
    expect(next!.scheduledFor).toEqual(new Date('2026-12-14T09:00:00Z'));
  });
});
