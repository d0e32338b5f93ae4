import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEW_IDS } from '../../src/slack/views/ids.js';
import { linkDeal } from '../support/deal-fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { settle, waitFor } from '../support/wait.js';

const intros = (t: TestApp, channelId: string) =>
  t.emulator.state.messages(channelId).filter((m) => JSON.stringify(m.blocks ?? []).includes('setup_deal'));

describe('intro in new deal channels, end to end', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('posts one intro with a Set-up button when the app is added to a channel, never twice', async () => {
    await t.driver.inviteBot(t.ids.dealGlobex, t.ids.rep);
    await waitFor('the intro', () => intros(t, t.ids.dealGlobex).length === 1);
    // Re-added, and Slack retrying the same event: still one intro.
    await t.driver.inviteBot(t.ids.dealGlobex, t.ids.rep);
    await t.driver.event(
      {
        type: 'member_joined_channel',
        user: t.ids.botUser,
        channel: t.ids.dealGlobex,
        channel_type: 'C',
        team: t.ids.team,
      },
      { retryNum: 1, retryReason: 'http_timeout' },
    );
    await settle();
    expect(intros(t, t.ids.dealGlobex)).toHaveLength(1);

    // Its button opens the setup modal for that channel.
    await t.driver.clickButton(intros(t, t.ids.dealGlobex)[0]!.ts, 'setup_deal', t.ids.rep);
    const view = await waitFor('the setup modal', () => {
      const top = t.emulator.state.views.top(t.ids.rep);
      return top?.definition.callback_id === VIEW_IDS.setupDeal ? top : undefined;
    });
    expect(JSON.parse(String(view.definition.private_metadata))).toEqual({ channelId: t.ids.dealGlobex });
  });

  it('ignores other people joining', async () => {
    t.emulator.state.addChannel({ id: 'C0PEOPLE', name: 'deal-people', members: [t.ids.botUser] });
    await t.driver.event({
      type: 'member_joined_channel',
      user: t.ids.manager,
      channel: 'C0PEOPLE',
      channel_type: 'C',
      team: t.ids.team,
    });
    await settle();
    expect(t.emulator.state.messages('C0PEOPLE')).toEqual([]);
  });

  it('says nothing when added to a channel that is already linked', async () => {
    await linkDeal(t, { channelId: t.ids.general, accountName: 'Linked', dealName: 'Already' });
    await t.driver.inviteBot(t.ids.general, t.ids.rep);
    await settle();
    expect(t.emulator.state.messages(t.ids.general)).toEqual([]);
  });

  it('joins and introduces itself in a new channel named with the deal prefix, once', async () => {
    const channel = t.emulator.state.addChannel({
      id: 'C0DEALINIT',
      name: 'deal-initech',
      members: [t.ids.rep],
      creator: t.ids.rep,
    });
    const created = {
      type: 'channel_created',
      channel: { id: channel.id, name: channel.name, created: channel.created, creator: t.ids.rep },
    };
    await t.driver.event(created);
    await waitFor('the intro', () => intros(t, channel.id).length === 1);
    expect(t.emulator.state.isMember(channel.id, t.ids.botUser)).toBe(true);
    // Slack also sends member_joined_channel for the bot's own join, and may retry channel_created.
    await t.driver.event({
      type: 'member_joined_channel',
      user: t.ids.botUser,
      channel: channel.id,
      channel_type: 'C',
      team: t.ids.team,
    });
    await t.driver.event(created, { retryNum: 1, retryReason: 'http_timeout' });
    await settle();
    expect(intros(t, channel.id)).toHaveLength(1);
  });

  it('leaves other new channels alone, and follows a custom prefix', async () => {
    const random = t.emulator.state.addChannel({
      id: 'C0RANDOM',
      name: 'random-stuff',
      members: [t.ids.rep],
    });
    await t.driver.event({
      type: 'channel_created',
      channel: { id: random.id, name: random.name, created: 1, creator: t.ids.rep },
    });
    await settle();
    expect(t.emulator.state.isMember(random.id, t.ids.botUser)).toBe(false);
    expect(t.emulator.state.messages(random.id)).toEqual([]);

    await t.repos.workspaces.updateSettings(t.ids.team, { dealChannelPrefix: 'opp-' });
    const opp = t.emulator.state.addChannel({ id: 'C0OPPHOOLI', name: 'opp-hooli', members: [t.ids.rep] });
    await t.driver.event({
      type: 'channel_created',
      channel: { id: opp.id, name: opp.name, created: 1, creator: t.ids.rep },
    });
    await waitFor('the intro', () => intros(t, opp.id).length === 1);
  });
});
