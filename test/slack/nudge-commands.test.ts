import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Clock,
  fakeClock,
  MUTED,
  type Seeded,
  seedStalledDeals,
  textOf,
} from '../scheduling/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

describe('/vision stalled, /vision nudges and thread activity, end to end', () => {
  let t: TestApp;
  let clock: Clock;
  let seeded: Seeded;
  beforeAll(async () => {
    clock = fakeClock();
    t = await startTestApp({ clock: clock.fn });
    seeded = await seedStalledDeals(t, clock);
  });
  afterAll(async () => {
    await t.close();
  });

  const lastEphemeral = async (userId: string, count: number) =>
    waitFor('an ephemeral', () => {
      const all = t.emulator.state.ephemeralsFor(userId);
      return all.length >= count ? all[count - 1] : undefined;
    });

  it('/vision stalled lists this deal’s stalled decisions in its channel', async () => {
    await t.driver.slashCommand({ userId: t.ids.engineer, channelId: t.ids.dealAcme, text: 'stalled' });
    const reply = textOf(await lastEphemeral(t.ids.engineer, 1));
    expect(reply).toContain('2 stalled customer decisions at Acme &lt;Corp&gt; &amp; Co');
    expect(reply).toContain('Pick a pilot region');
    expect(reply).toContain('Approve the &lt;b&gt;budget&lt;/b&gt;');
    expect(reply).not.toContain('Choose a carrier');
    expect(reply).not.toContain('Fresh decision');
  });

  it('/vision stalled outside a deal channel lists the user’s decisions across deals, muted ones too', async () => {
    await t.driver.slashCommand({ userId: t.ids.manager, channelId: t.ids.general, text: 'stalled' });
    const manager = textOf(await lastEphemeral(t.ids.manager, 1));
    expect(manager).toContain('across your deals');
    expect(manager).toContain('Choose a carrier');
    expect(manager).toContain('Approve the');
    expect(manager).not.toContain('Pick a pilot region');
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.general, text: 'stalled' });
    const rep = textOf(await lastEphemeral(t.ids.rep, 1));
    expect(rep).toContain('Muted decision');
    expect(rep).toContain(`<#${MUTED}>`);
  });

  it('/vision nudges off|on mutes and unmutes this channel’s deal', async () => {
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'nudges off' });
    expect((await lastEphemeral(t.ids.rep, 2)).text).toContain('Weekly nudges are off for Acme');
    expect((await t.repos.deals.getById(t.ids.team, seeded.acme.id))?.nudgesMuted).toBe(true);
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'nudges on' });
    expect((await lastEphemeral(t.ids.rep, 3)).text).toContain('on again');
    expect((await t.repos.deals.getById(t.ids.team, seeded.acme.id))?.nudgesMuted).toBe(false);
  });

  it('/vision nudges opens the settings with the user’s time zone and validates inline', async () => {
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'nudges' });
    const modal = await waitFor('the settings modal', () => t.emulator.state.views.top(t.ids.rep));
    expect(JSON.stringify(modal.definition)).toContain('America/New_York');
    const bad = await t.driver.submitView(
      modal.id,
      { nudge_day: '2', nudge_time: '08:30', nudge_time_zone: 'Mars/Olympus', nudge_stall_days: '0' },
      t.ids.rep,
    );
    expect(bad.errors).toMatchObject({
      nudge_time_zone: expect.any(String),
      nudge_stall_days: expect.any(String),
    });
    const ok = await t.driver.submitView(
      modal.id,
      {
        nudge_day: '2',
        nudge_time: '08:30',
        nudge_time_zone: 'Europe/Berlin',
        nudge_stall_days: '10',
        nudge_enabled: ['on'],
      },
      t.ids.rep,
    );
    expect(ok.outcome).toBe('close');
    const { settings } = await t.repos.workspaces.get(t.ids.team);
    expect(settings).toMatchObject({
      nudgeDay: 2,
      nudgeTime: '08:30',
      timeZone: 'Europe/Berlin',
      stallDays: 10,
      nudgesEnabled: true,
    });
  });

  it('a reply in a decision’s thread counts as activity', async () => {
    const parent = await t.driver.userMessage({
      userId: t.ids.rep,
      channelId: t.ids.dealAcme,
      text: 'Pilot region?',
    });
    await t.repos.decisions.update(
      t.ids.team,
      seeded.idle.id,
      { threadTs: parent.ts },
      new Date('2026-11-20T00:00:00Z'),
    );
    await t.driver.userMessage({
      userId: t.ids.manager,
      channelId: t.ids.dealAcme,
      text: 'They asked for a week',
      threadTs: parent.ts,
    });
    const touched = await waitFor('thread activity', async () => {
      const d = await t.repos.decisions.getById(t.ids.team, seeded.idle.id);
      return d && d.lastActivityAt.getTime() > new Date('2026-11-20T00:00:00Z').getTime() ? d : undefined;
    });
    expect(touched.lastActivityAt.getTime()).toBeLessThanOrEqual(clock.now.getTime());
  });
});
