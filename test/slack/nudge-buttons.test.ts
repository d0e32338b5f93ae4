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
import { settle, waitFor } from '../support/wait.js';

describe('nudge buttons update the decision and the message in place', () => {
  let t: TestApp;
  let clock: Clock;
  let seeded: Seeded;
  let ts: string;
  let sow: { id: number };
  beforeAll(async () => {
    clock = fakeClock();
    t = await startTestApp({ clock: clock.fn });
    seeded = await seedStalledDeals(t, clock);
    clock.now = new Date(RUN_AT.getTime() - 12 * 86_400_000);
    sow = await t.repos.decisions.create({
      teamId: t.ids.team,
      dealId: seeded.acme.id,
      title: 'Sign the pilot SOW',
      createdBy: t.ids.rep,
      ourOwnerUserId: t.ids.rep,
    });
    clock.now = RUN_AT;
    await runWeeklyNudges({ now: clock.now, deps: jobDeps(t), client: t.app.bolt.client });
    ts = botMessages(t, t.ids.dealAcme)[0]!.ts;
    clock.now = new Date(RUN_AT.getTime() + 3_600_000);
  });
  afterAll(async () => {
    await t.close();
  });

  const message = () => t.emulator.state.findMessage(t.ids.dealAcme, ts)!;
  const blocksText = () => JSON.stringify(message().blocks);
  const decision = (id: number) => t.repos.decisions.getById(t.ids.team, id);
  const topModal = (userId: string) => waitFor('a modal', () => t.emulator.state.views.top(userId));

  it('Snooze 1 week snoozes the decision and shows it in the message', async () => {
    await t.driver.clickButton(ts, 'nudge_snooze', t.ids.manager, {
      blockId: `nudge_actions:${seeded.idle.id}`,
    });
    const snoozed = await waitFor('snoozed', async () => (await decision(seeded.idle.id))?.snoozedUntil);
    expect(snoozed).toEqual(new Date(clock.now.getTime() + 7 * 86_400_000));
    await waitFor('the message update', () => blocksText().includes('Snoozed until <!date^'));
    // The snooze's end in each reader's zone; the workspace's day as the fallback.
    const until = Math.floor((clock.now.getTime() + 7 * 86_400_000) / 1000);
    expect(blocksText()).toContain(`Snoozed until <!date^${until}^{date_short_pretty}|Dec 14> by`);
    expect(blocksText()).toContain(`by <@${t.ids.manager}>`);
    expect(blocksText()).not.toContain(`nudge_actions:${seeded.idle.id}`);
    expect(blocksText()).toContain(`nudge_actions:${seeded.overdue.id}`);
    expect((await decision(seeded.idle.id))?.lastActivityAt).toEqual(clock.now);
  });

  it('refuses a forged value naming a decision of another deal', async () => {
    const before = blocksText();
    await t.driver.blockActions(t.ids.rep, {
      container: { type: 'message', message_ts: ts, channel_id: t.ids.dealAcme, is_ephemeral: false },
      channel: { id: t.ids.dealAcme, name: 'deal-acme' },
      actions: [
        { action_id: 'nudge_dropped', block_id: 'x', type: 'button', value: String(seeded.carrier.id) },
      ],
    });
    await settle();
    expect((await decision(seeded.carrier.id))?.status).toBe('open');
    expect(blocksText()).toBe(before);
  });

  it('Mark decided asks the outcome (required) and shows it, escaped', async () => {
    await t.driver.clickButton(ts, 'nudge_mark_decided', t.ids.rep, {
      blockId: `nudge_actions:${seeded.overdue.id}`,
    });
    const modal = await topModal(t.ids.rep);
    const empty = await t.driver.submitView(modal.id, { nudge_outcome: '   ' }, t.ids.rep);
    expect(empty.outcome).toBe('errors');
    const done = await t.driver.submitView(
      modal.id,
      { nudge_outcome: 'Nordics pilot <!here> first' },
      t.ids.rep,
    );
    expect(done.outcome).toBe('close');
    const decided = await waitFor('decided', async () => {
      const d = await decision(seeded.overdue.id);
      return d?.status === 'decided' ? d : undefined;
    });
    expect(decided.outcome).toBe('Nordics pilot <!here> first');
    await waitFor('the message update', () => blocksText().includes('Decided'));
    expect(blocksText()).toContain('Nordics pilot &lt;!here&gt; first');
    expect(blocksText()).not.toContain(`nudge_actions:${seeded.overdue.id}`);
  });

  it('Dropped drops the decision and says who dropped it', async () => {
    await t.driver.clickButton(ts, 'nudge_dropped', t.ids.rep, { blockId: `nudge_actions:${sow.id}` });
    await waitFor('dropped', async () => (await decision(sow.id))?.status === 'dropped');
    await waitFor('the message update', () => blocksText().includes(`Dropped by <@${t.ids.rep}>`));
  });

  it('Set new date refuses a past date and saves a future one', async () => {
    const betaTs = botMessages(t, 'C0DEALBETA')[0]!.ts;
    const betaBlocks = () => JSON.stringify(t.emulator.state.findMessage('C0DEALBETA', betaTs)!.blocks);
    await t.driver.clickButton(betaTs, 'nudge_new_date', t.ids.manager);
    const modal = await topModal(t.ids.manager);
    const past = await t.driver.submitView(modal.id, { nudge_date: '2026-12-01' }, t.ids.manager);
    expect(past.errors).toEqual({ nudge_date: 'Pick today or a later date.' });
    const ok = await t.driver.submitView(modal.id, { nudge_date: '2026-12-18' }, t.ids.manager);
    expect(ok.outcome).toBe('close');
    await waitFor('new date', async () => (await decision(seeded.carrier.id))?.dueDate === '2026-12-18');
    await waitFor('the message update', () => betaBlocks().includes('New date Dec 18'));

    // Its buttons are gone; a stale click on the old message is refused without changes.
    expect(betaBlocks()).not.toContain('nudge_dropped');
    await t.driver
      .clickButton(ts, 'nudge_dropped', t.ids.rep, { blockId: `nudge_actions:${seeded.overdue.id}` })
      .catch((error: Error) => expect(error.message).toContain('no element'));
  });
});
