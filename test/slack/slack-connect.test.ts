import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runWeeklyNudges } from '../../src/scheduling/run-weekly-nudges.js';
import { FOREIGN_USER_TEXT } from '../../src/slack/middleware/foreign-users.js';
import { escapeMrkdwn } from '../../src/slack/views/mrkdwn.js';
import {
  botMessages,
  type Clock,
  fakeClock,
  jobDeps,
  RUN_AT,
  type Seeded,
  seedStalledDeals,
  textOf,
} from '../scheduling/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { settle, waitFor } from '../support/wait.js';

const CUSTOMER = 'U0BUYER';

describe('Slack Connect: a deal channel shared with the customer', () => {
  let t: TestApp;
  let clock: Clock;
  let seeded: Seeded;
  beforeEach(async () => {
    clock = fakeClock();
    t = await startTestApp({ clock: clock.fn });
    seeded = await seedStalledDeals(t, clock);
    clock.now = RUN_AT;
    t.emulator.state.addUser({
      id: CUSTOMER,
      name: 'bea.buyer',
      realName: 'Bea Buyer',
      tz: 'Europe/Berlin',
      tzLabel: 'Central European Time',
      tzOffset: 3600,
      isBot: false,
      homeTeamId: 'T0CUSTOMER',
    });
    t.emulator.state.channels.get(t.ids.dealAcme)!.members.push(CUSTOMER);
  });
  afterEach(async () => t.close());

  const shareAcme = (shared: boolean) => {
    t.emulator.state.channels.get(t.ids.dealAcme)!.isExtShared = shared;
  };

  it('the weekly stall nudge (internal next steps) goes to the owner privately, not to the shared channel', async () => {
    shareAcme(true);
    const before = botMessages(t, t.ids.dealAcme).length;
    const [report] = await runWeeklyNudges({ now: clock.now, deps: jobDeps(t), client: t.app.bolt.client });
    expect(report?.status).toBe('done');
    expect(botMessages(t, t.ids.dealAcme)).toHaveLength(before);

    const dm = t.emulator.calls('conversations.open').find((c) => c.args.users === t.ids.rep);
    expect(dm).toBeDefined();
    const dmChannel = (dm!.response as { channel: { id: string } }).channel.id;
    const privateNudges = t.emulator.state
      .messages(dmChannel)
      .filter((m) => textOf(m).includes(escapeMrkdwn(seeded.acme.accountName)));
    expect(privateNudges.length).toBeGreaterThan(0);
    expect(await t.repos.channelSharing.get(t.ids.team, t.ids.dealAcme)).toMatchObject({ isExtShared: true });
  });

  it('with an internal channel linked in setup, the stall nudge of a shared deal channel goes there', async () => {
    shareAcme(true);
    t.emulator.state.addChannel({ id: 'C0ACMEINTERNAL', name: 'acme-internal', members: [t.ids.botUser] });
    await t.repos.coachingChannels.set(t.ids.team, seeded.acme.id, 'C0ACMEINTERNAL', clock.now);
    const before = botMessages(t, t.ids.dealAcme).length;
    await runWeeklyNudges({ now: clock.now, deps: jobDeps(t), client: t.app.bolt.client });
    expect(botMessages(t, t.ids.dealAcme)).toHaveLength(before);
    const there = botMessages(t, 'C0ACMEINTERNAL');
    expect(there.some((m) => textOf(m).includes(escapeMrkdwn(seeded.acme.accountName)))).toBe(true);
  });

  it('an internal channel still gets its nudge; channel_shared refreshes the stored answer at once', async () => {
    await runWeeklyNudges({ now: clock.now, deps: jobDeps(t), client: t.app.bolt.client });
    expect(botMessages(t, t.ids.dealAcme).length).toBeGreaterThan(0);
    expect(await t.repos.channelSharing.get(t.ids.team, t.ids.dealAcme)).toMatchObject({
      isExtShared: false,
    });

    shareAcme(true);
    await t.driver.event({
      type: 'channel_shared',
      channel: t.ids.dealAcme,
      connected_team_id: 'T0CUSTOMER',
    });
    await waitFor(
      'the refresh',
      async () => (await t.repos.channelSharing.get(t.ids.team, t.ids.dealAcme))?.isExtShared,
    );
    shareAcme(false);
    await t.driver.event({
      type: 'channel_unshared',
      channel: t.ids.dealAcme,
      previously_connected_team_id: 'T0CUSTOMER',
    });
    await waitFor(
      'the refresh',
      async () => (await t.repos.channelSharing.get(t.ids.team, t.ids.dealAcme))?.isExtShared === false,
    );
  });

  it("a customer's click on our button is refused politely and changes nothing", async () => {
    await runWeeklyNudges({ now: clock.now, deps: jobDeps(t), client: t.app.bolt.client });
    const nudge = botMessages(t, t.ids.dealAcme)[0]!;
    await t.driver.clickButton(nudge.ts, 'nudge_snooze', CUSTOMER, {
      blockId: `nudge_actions:${seeded.idle.id}`,
    });
    const refusal = await waitFor('the refusal', () =>
      t.emulator.state.ephemeralsFor(CUSTOMER).find((e) => e.text === FOREIGN_USER_TEXT),
    );
    expect(refusal.channel).toBe(t.ids.dealAcme);
    await settle();
    expect((await t.repos.decisions.getById(t.ids.team, seeded.idle.id))?.snoozedUntil).toBeNull();
    expect(t.emulator.state.views.top(CUSTOMER)).toBeUndefined();

    await t.driver.clickButton(nudge.ts, 'nudge_snooze', t.ids.manager, {
      blockId: `nudge_actions:${seeded.idle.id}`,
    });
    await waitFor(
      'the snooze',
      async () => (await t.repos.decisions.getById(t.ids.team, seeded.idle.id))?.snoozedUntil,
    );
  });
});
