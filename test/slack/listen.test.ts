import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Deal } from '../../src/domain/deals.js';
import { LISTEN_IDS } from '../../src/slack/views/ids.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { settle, waitFor } from '../support/wait.js';
import {
  addEntry,
  apiEphemerals,
  botPosts,
  ephemerals,
  everything,
  fixtureEvent,
  linkDeal,
  manualClock,
  openedView,
  PRESCRIBING,
} from './listen-support.js';

describe('listening in deal channels: prescribing before diagnosing, end to end', () => {
  let t: TestApp;
  let clock: ReturnType<typeof manualClock>;
  let deal: Deal;
  beforeEach(async () => {
    clock = manualClock();
    t = await startTestApp({ clock: clock.now });
    deal = await linkDeal(t);
  });
  afterEach(async () => {
    await t.close();
  });

  const nudgesFor = (userId: string) =>
    ephemerals(t, userId).filter((m) => everything(m).includes('Listen first?'));

  /** The rep's prescriptive message, stored in the channel, and its event shaped like a vendor fixture. */
  const repPrescribes = (fixture: string) => {
    const ts = t.emulator.state.nextTs();
    t.emulator.state.addMessage({
      channel: t.ids.dealAcme,
      ts,
      user: t.ids.rep,
      text: PRESCRIBING,
      reactions: [],
    });
    return fixtureEvent(fixture, {
      user: t.ids.rep,
      team: t.ids.team,
      channel: t.ids.dealAcme,
      text: PRESCRIBING,
      ts,
      event_ts: ts,
    });
  };

  it('a prescriptive message in a fresh deal channel gets exactly one private nudge, seen only by its author', async () => {
    await t.driver.userMessage({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: PRESCRIBING });
    const [nudge] = await waitFor('a nudge', () =>
      nudgesFor(t.ids.rep).length ? nudgesFor(t.ids.rep) : null,
    );
    const shown = everything(nudge!);
    expect(nudge!.channel).toBe(t.ids.dealAcme);
    expect(shown).toContain('*0 of 3* confirmed customer drivers');
    expect(shown).toContain(
      'What we know: 0 business drivers (0 confirmed), 0 success factors, 0 constraints',
    );
    expect(shown).toContain('What made this a priority for you now');
    expect(shown).toContain('This read as pitching because: “');
    expect(shown).toContain('let me show you a demo on Friday');
    expect(shown).toContain(LISTEN_IDS.logWhatTheySaid);
    expect(shown).toContain('/vision quiet');
    await settle();
    expect(apiEphemerals(t)).toHaveLength(1);
    expect(ephemerals(t, t.ids.manager)).toEqual([]);
    expect(botPosts(t, t.ids.dealAcme)).toEqual([]);
  });

  it("says why in the rep's own words, and never nudges a rep who is diagnosing or holding back", async () => {
    for (const text of [
      "i'd recommend we ask Dana about the freeze first",
      'How do you handle pricing with your carriers today?',
      "We won't demo today, just questions",
      'you should see the size of their backlog lol',
    ]) {
      await t.driver.userMessage({ userId: t.ids.rep, channelId: t.ids.dealAcme, text });
    }
    await settle();
    expect(nudgesFor(t.ids.rep)).toEqual([]);
    await t.driver.userMessage({
      userId: t.ids.rep,
      channelId: t.ids.dealAcme,
      text: "I'll demo the workflow builder on the intro call, skip the discovery stuff",
    });
    const [nudge] = await waitFor('a nudge', () =>
      nudgesFor(t.ids.rep).length ? nudgesFor(t.ids.rep) : null,
    );
    expect(everything(nudge!)).toContain("This read as pitching because: “I'll demo the workflow builder");
  });

  it('nudges a person at most once per deal per day, and again the next day', async () => {
    await t.driver.userMessage({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: PRESCRIBING });
    await waitFor('the first nudge', () => nudgesFor(t.ids.rep).length === 1);
    await t.driver.userMessage({
      userId: t.ids.rep,
      channelId: t.ids.dealAcme,
      text: 'We recommend our premium plan, it solves exactly this.',
    });
    // Someone else prescribing the same day still gets their own nudge.
    await t.driver.userMessage({ userId: t.ids.engineer, channelId: t.ids.dealAcme, text: PRESCRIBING });
    await waitFor('the engineer nudge', () => nudgesFor(t.ids.engineer).length === 1);
    await settle();
    expect(nudgesFor(t.ids.rep)).toHaveLength(1);

    clock.advanceDays(1);
    await t.driver.userMessage({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: PRESCRIBING });
    await waitFor('the next-day nudge', () => nudgesFor(t.ids.rep).length === 2);
  });

  it('does not nudge once the deal has K confirmed customer drivers (workspace setting)', async () => {
    await t.repos.workspaces.updateSettings(t.ids.team, { listenFirstDriverThreshold: 2 });
    await addEntry(t, deal, { kind: 'driver', statement: 'Slow customs', status: 'confirmed' });
    await addEntry(t, deal, { kind: 'driver', statement: 'Carrier costs', status: 'unconfirmed' });
    await addEntry(t, deal, { kind: 'success_factor', statement: '95% on time' });
    await t.driver.userMessage({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: PRESCRIBING });
    const [nudge] = await waitFor('a nudge', () =>
      nudgesFor(t.ids.rep).length ? nudgesFor(t.ids.rep) : null,
    );
    expect(everything(nudge!)).toContain('*1 of 2* confirmed');
    expect(everything(nudge!)).toContain('2 business drivers (1 confirmed), 1 success factor, 0 constraints');

    await addEntry(t, deal, { kind: 'driver', statement: 'Manual planning', status: 'confirmed' });
    await t.driver.userMessage({ userId: t.ids.engineer, channelId: t.ids.dealAcme, text: PRESCRIBING });
    await settle(400);
    expect(nudgesFor(t.ids.engineer)).toEqual([]);
  });

  it('handles a retried event (same event_id, X-Slack-Retry-Num) once', async () => {
    const event = repPrescribes('bolt-python/message.json');
    const first = await t.driver.event(event, { eventId: 'Ev0RETRY0001' });
    const retry = await t.driver.event(event, {
      eventId: 'Ev0RETRY0001',
      retryNum: 1,
      retryReason: 'http_timeout',
    });
    expect([first.status, retry.status]).toEqual([200, 200]);
    await waitFor('a nudge', () => nudgesFor(t.ids.rep).length === 1);
    // Even on another day a retry of the same event does nothing (dedupe by event id, not only by rate limit).
    clock.advanceDays(1);
    await t.driver.event(event, { eventId: 'Ev0RETRY0001', retryNum: 2, retryReason: 'http_timeout' });
    await settle(400);
    expect(nudgesFor(t.ids.rep)).toHaveLength(1);
  });

  it('ignores bot messages, its own messages, edits, deletions and unlinked channels', async () => {
    // Make every skipped case deliverable, so only the filter can explain the silence.
    for (const id of ['U0OTHERBOT', 'U0CUSTOMER']) {
      t.emulator.state.addUser({
        id,
        name: id,
        realName: id,
        tz: 'UTC',
        tzLabel: 'UTC',
        tzOffset: 0,
        isBot: false,
      });
      t.emulator.state.joinChannel(t.ids.dealAcme, id);
    }
    t.emulator.state.joinChannel(t.ids.general, t.ids.botUser);
    const base = { team: t.ids.team, channel: t.ids.dealAcme, text: PRESCRIBING };
    const sends = [
      fixtureEvent('bolt-python/message.from_bot_user.json', { ...base, user: 'U0OTHERBOT' }),
      fixtureEvent('bolt-python/message.subtype_bot_message.json', base),
      fixtureEvent('java-slack-sdk/MessageBotPayload.json', base),
      fixtureEvent('bolt-python/message.json', { ...base, user: t.ids.botUser, bot_id: t.ids.bot }),
      fixtureEvent('bolt-python/message.subtype_message_changed.json', {
        channel: t.ids.dealAcme,
        message: {
          type: 'message',
          text: PRESCRIBING,
          user: t.ids.rep,
          team: t.ids.team,
          edited: { user: t.ids.rep, ts: '1.0' },
        },
      }),
      fixtureEvent('bolt-python/message.subtype_message_deleted.json', { channel: t.ids.dealAcme }),
      fixtureEvent('java-slack-sdk/MessageDeletedPayload.json', { channel: t.ids.dealAcme }),
      // A person in a channel that is not linked to a deal: no reply at all.
      fixtureEvent('bolt-python/message.json', { ...base, user: t.ids.rep, channel: t.ids.general }),
      // Someone from another organisation in a shared (Slack Connect) channel.
      fixtureEvent('bolt-python/message.json', {
        ...base,
        user: 'U0CUSTOMER',
        team: 'T0CUSTOMER',
        user_team: 'T0CUSTOMER',
      }),
    ];
    for (const event of sends) {
      const { ts: _ts, event_ts: _ets, ...rest } = event;
      const ts = t.emulator.state.nextTs();
      expect((await t.driver.event({ ...rest, ts, event_ts: ts })).status).toBe(200);
    }
    await settle(500);
    expect(t.emulator.state.calls('chat.postEphemeral')).toEqual([]);
    expect(apiEphemerals(t)).toEqual([]);
    expect(botPosts(t, t.ids.dealAcme)).toEqual([]);
    expect(botPosts(t, t.ids.general)).toEqual([]);
  });

  it('counts a thread reply also sent to the channel once', async () => {
    const { ts: parent } = await t.driver.userMessage({
      userId: t.ids.manager,
      channelId: t.ids.dealAcme,
      text: 'How did the call go?',
    });
    const ts = t.emulator.state.nextTs();
    t.emulator.state.addMessage({
      channel: t.ids.dealAcme,
      ts,
      threadTs: parent,
      replyBroadcast: true,
      user: t.ids.rep,
      text: PRESCRIBING,
      reactions: [],
    });
    const reply = {
      type: 'message',
      user: t.ids.rep,
      text: PRESCRIBING,
      ts,
      thread_ts: parent,
      team: t.ids.team,
      channel: t.ids.dealAcme,
      channel_type: 'channel',
      event_ts: ts,
    };
    const broadcast = fixtureEvent('bolt-python/message.subtype_thread_broadcast.json', {
      user: t.ids.rep,
      team: t.ids.team,
      channel: t.ids.dealAcme,
      text: PRESCRIBING,
      ts,
      thread_ts: parent,
      event_ts: ts,
    });
    await Promise.all([t.driver.event(reply), t.driver.event(broadcast)]);
    const [nudge] = await waitFor('a nudge', () =>
      nudgesFor(t.ids.rep).length ? nudgesFor(t.ids.rep) : null,
    );
    expect(nudge!.threadTs).toBe(parent);
    await settle(400);
    expect(nudgesFor(t.ids.rep)).toHaveLength(1);
  });

  it('listens to a file share with text like a message', async () => {
    const event = repPrescribes('bolt-python/message.subtype_file_share.json');
    await t.driver.event(event);
    await waitFor('a nudge', () => nudgesFor(t.ids.rep).length === 1);
  });

  it('"Log what they said" opens the entry modal for the deal, with the kind to choose', async () => {
    await t.driver.userMessage({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: PRESCRIBING });
    const [nudge] = await waitFor('a nudge', () =>
      nudgesFor(t.ids.rep).length ? nudgesFor(t.ids.rep) : null,
    );
    await t.driver.clickButton(nudge!.ts, LISTEN_IDS.logWhatTheySaid, t.ids.rep);
    const call = await waitFor('the entry modal', () => t.emulator.state.calls('views.open')[0]);
    const opened = openedView(call.args.view);
    expect(opened.callback_id).toBe('log_entry_modal');
    expect(JSON.parse(opened.private_metadata)).toMatchObject({ dealId: deal.id, channelId: t.ids.dealAcme });
    expect(JSON.stringify(opened.blocks)).toContain('entry_kind');
  });
});
