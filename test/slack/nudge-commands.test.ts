import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueRun } from '../../src/domain/nudges/index.js';
import { runWeeklyNudges } from '../../src/scheduling/run-weekly-nudges.js';
import {
  botMessages,
  type Clock,
  fakeClock,
  jobDeps,
  MUTED,
  RUN_AT,
  type Seeded,
  seedStalledDeals,
  textOf,
} from '../scheduling/fixtures.js';
import { linkDeal } from '../support/deal-fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { settle, waitFor } from '../support/wait.js';

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

describe('/vision nudges preview, end to end', () => {
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

  const previewFor = async (userId: string, channelId: string, count: number) => {
    await t.driver.slashCommand({ userId, channelId, text: 'nudges preview' });
    return waitFor('the preview', () => {
      const all = t.emulator.state.ephemeralsFor(userId);
      return all.length >= count ? all[count - 1] : undefined;
    });
  };
  /** Blocks without block_id (Slack, like the emulator, fills in random ids for blocks that have none). */
  const blocksOf = (message: { blocks?: unknown[] }) =>
    ((message.blocks ?? []) as Array<Record<string, unknown>>).map(({ block_id: _, ...block }) => block);
  const thisWeek = async () => {
    const { settings } = await t.repos.workspaces.get(t.ids.team);
    return dueRun(t.ids.team, settings, null, RUN_AT)!.runKey;
  };

  it('shows only the caller this deal’s next nudge, without buttons; nothing posted, recorded or claimed', async () => {
    const preview = await previewFor(t.ids.rep, t.ids.dealAcme, 1);
    const text = textOf(preview);
    expect(text).toContain('Preview of the next weekly nudge for Acme &lt;Corp&gt; &amp; Co');
    // 09:00 on the deal owner's clock (the rep is in New York), shown in each reader's zone by Slack.
    expect(text).toContain(
      "This week's run (<!date^1796652000^{date_long_pretty} at {time}|Mon 7 Dec 2026, 09:00 (America/New_York)>) has not gone out yet",
    );
    expect(text).toContain('2 customer decisions stalled at Acme');
    expect(text).toContain('Pick a pilot region');
    expect(text).toContain('Approve the &lt;b&gt;budget&lt;/b&gt;');
    expect(text).not.toContain('Choose a carrier'); // another deal's decision
    expect(preview.blocks?.some((b) => (b as { type: string }).type === 'actions')).toBe(false);
    expect(text).not.toContain('"type":"button"');

    await settle();
    expect(t.emulator.state.ephemeralsFor(t.ids.manager)).toEqual([]);
    expect(botMessages(t, t.ids.dealAcme)).toEqual([]);
    expect(t.emulator.state.dmsTo(t.ids.rep)).toEqual([]);
    const runKey = await thisWeek();
    expect(await t.repos.nudges.getRun(t.ids.team, runKey)).toBeNull();
    expect(await t.repos.nudges.listSends(t.ids.team, runKey)).toEqual([]);
    expect(await t.repos.nudges.lastRunKey(t.ids.team)).toBeNull();
  });

  it('the preview is the real run’s channel message minus its buttons; afterwards it previews next week', async () => {
    const first = blocksOf(await previewFor(t.ids.rep, t.ids.dealAcme, 2));
    const [report] = await runWeeklyNudges({ now: clock.now, deps: jobDeps(t), client: t.app.bolt.client });
    expect(report).toMatchObject({ status: 'done' });
    const [posted] = botMessages(t, t.ids.dealAcme);
    const withoutButtons = blocksOf(posted!).filter((b) => b.type !== 'actions');
    // Framing: an intro context and a divider before, a note on the buttons after.
    expect(first.slice(2, -1)).toEqual(withoutButtons);

    const next = textOf(await previewFor(t.ids.rep, t.ids.dealAcme, 3));
    expect(next).toContain(
      'Next weekly run: <!date^1797256800^{date_long_pretty} at {time}|Mon 14 Dec 2026, 09:00 (America/New_York)>.',
    );
    expect(next).toContain('Pick a pilot region');
  });

  it('says nothing is stalled when the deal has no stalled decision', async () => {
    const channelId = 'C0DEALCALM';
    t.emulator.state.addChannel({ id: channelId, name: 'deal-calm', members: [t.ids.rep, t.ids.botUser] });
    const calm = await t.repos.deals.upsertByChannel({
      teamId: t.ids.team,
      channelId,
      accountName: 'Calm Co',
      dealName: 'Renewal',
      stage: 'proposal',
      ownerUserId: t.ids.rep,
    });
    await t.repos.decisions.create({
      teamId: t.ids.team,
      dealId: calm.id,
      title: 'Sign',
      createdBy: t.ids.rep,
    });
    const text = textOf(await previewFor(t.ids.manager, channelId, 1));
    expect(text).toContain('Nothing is stalled right now at Calm Co');
    expect(text).toContain(
      'Next weekly run: <!date^1797256800^{date_long_pretty} at {time}|Mon 14 Dec 2026, 09:00 (America/New_York)>.',
    );
    expect(t.emulator.state.messages(channelId)).toEqual([]);
  });
});

describe('/vision nudges stall: the per-deal stall period, end to end', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const reply = async (text: string, count: number) => {
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text });
    return waitFor(`reply ${count}`, () => t.emulator.state.ephemeralsFor(t.ids.rep)[count - 1]);
  };

  it('sets this deal’s stall period, refuses nonsense, and goes back to the workspace default', async () => {
    const deal = await linkDeal(t);
    expect((await reply('nudges stall 14', 1)).text).toContain('stalled after 14 days without activity');
    expect((await t.repos.deals.getById(t.ids.team, deal.id))?.stallDays).toBe(14);

    for (const [n, bad] of ['nudges stall 0', 'nudges stall soon', 'nudges stall 365'].entries()) {
      expect((await reply(bad, 2 + n)).text).toContain('Give a number of days from 1 to 90');
    }
    expect((await t.repos.deals.getById(t.ids.team, deal.id))?.stallDays).toBe(14);

    expect((await reply('nudges stall default', 5)).text).toContain("workspace's 7 days");
    expect((await t.repos.deals.getById(t.ids.team, deal.id))?.stallDays).toBeNull();
  });

  it('answers with the Set-up button in a channel without a deal', async () => {
    await t.driver.slashCommand({
      userId: t.ids.manager,
      channelId: t.ids.dealGlobex,
      text: 'nudges stall 3',
    });
    const answer = await waitFor(
      'the not-linked answer',
      () => t.emulator.state.ephemeralsFor(t.ids.manager)[0],
    );
    expect(answer.text).toContain('not linked to a deal');
  });
});
