import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Deal } from '../../src/domain/deals.js';
import { ENTRY_FORM as F, LISTEN_IDS, VIEW_IDS } from '../../src/slack/views/ids.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { settle, waitFor } from '../support/wait.js';
import {
  apiEphemerals,
  botPosts,
  CUSTOMER_WORDS,
  ephemerals,
  everything,
  linkDeal,
} from './listen-support.js';

interface OpenedView {
  id: string;
  callback_id: string;
  private_metadata: string;
  blocks: unknown[];
}

describe('listening in deal channels: one-click capture of the customer’s words, end to end', () => {
  let t: TestApp;
  let deal: Deal;
  beforeEach(async () => {
    t = await startTestApp();
    deal = await linkDeal(t);
  });
  afterEach(async () => {
    await t.close();
  });

  const offersFor = (userId: string) =>
    ephemerals(t, userId).filter((m) => everything(m).includes('in their own words'));

  /** The rep relays the customer's words in the deal channel, as a real message event. */
  const relayCustomerWords = () =>
    t.driver.userMessage({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: CUSTOMER_WORDS });

  /** The first capture offer the rep received. */
  const firstOffer = async () => await waitFor('an offer', () => offersFor(t.ids.rep)[0]);

  async function openedView(): Promise<OpenedView> {
    const call = await waitFor('views.open', () =>
      t.emulator.state.calls('views.open').find((c) => c.status === 200),
    );
    return (call.response as { view: OpenedView }).view;
  }

  it('offers the author to log a relayed quote, privately, with the suggested kind first', async () => {
    const { ts } = await relayCustomerWords();
    const offer = await firstOffer();
    const shown = everything(offer);
    expect(shown).toContain('> we lose three days on every cross-border shipment');
    const actions = (offer.blocks ?? []).find((b) => b.type === 'actions') as {
      elements: { action_id: string; value: string; style?: string }[];
    };
    expect(actions.elements.map((e) => e.action_id)).toEqual([
      LISTEN_IDS.logAsDriver,
      LISTEN_IDS.logAsConstraint,
      LISTEN_IDS.logAsSuccessFactor,
      LISTEN_IDS.quiet,
    ]);
    expect(actions.elements[0]!.style).toBe('primary');
    // The button carries ids and the message position only, never the words.
    expect(JSON.parse(actions.elements[0]!.value)).toEqual({ d: deal.id, c: t.ids.dealAcme, ts });
    await settle();
    expect(ephemerals(t, t.ids.manager)).toEqual([]);
    expect(botPosts(t, t.ids.dealAcme)).toEqual([]);
    expect(await t.repos.entries.listByDeal(t.ids.team, deal.id)).toEqual([]);
  });

  it('a click re-reads the message and opens the entry modal prefilled; saving goes through the entry form', async () => {
    const { ts } = await relayCustomerWords();
    const offer = await firstOffer();
    await t.driver.clickButton(offer.ts, LISTEN_IDS.logAsConstraint, t.ids.rep);
    const view = await openedView();
    expect(view.callback_id).toBe(VIEW_IDS.logEntry);
    expect(JSON.stringify(view.blocks)).toContain(
      '"initial_value":"we lose three days on every cross-border shipment"',
    );
    const meta = JSON.parse(view.private_metadata);
    expect(meta).toMatchObject({ dealId: deal.id, kind: 'constraint', sourceType: 'message' });
    expect(meta.sourceRef).toContain(ts.replace('.', ''));
    expect(t.emulator.state.calls('conversations.history')).toHaveLength(1);

    const result = await t.driver.submitView(
      view.id,
      {
        [F.statement]: 'Cross-border shipments are slow',
        [F.stakeholderName]: 'Dana Lee',
      },
      t.ids.rep,
    );
    expect(result.outcome).toBe('close');
    const [saved] = await t.repos.entries.listByDeal(t.ids.team, deal.id);
    expect(saved).toMatchObject({
      kind: 'constraint',
      quote: 'we lose three days on every cross-border shipment',
      source: { type: 'message' },
    });
  });

  it('re-reads a thread reply with conversations.replies', async () => {
    const { ts: parent } = await t.driver.userMessage({
      userId: t.ids.manager,
      channelId: t.ids.dealAcme,
      text: 'Notes from the call?',
    });
    await t.driver.userMessage({
      userId: t.ids.rep,
      channelId: t.ids.dealAcme,
      text: '> we cannot add headcount before Q3\nthat was their CFO',
      threadTs: parent,
    });
    const offer = await firstOffer();
    expect(offer.threadTs).toBe(parent);
    await t.driver.clickButton(offer.ts, LISTEN_IDS.logAsConstraint, t.ids.rep);
    const view = await openedView();
    expect(JSON.stringify(view.blocks)).toContain('"initial_value":"we cannot add headcount before Q3"');
    expect(t.emulator.state.calls('conversations.replies')).toHaveLength(1);
  });

  it('offers once per message, even when Slack delivers it twice under two event ids', async () => {
    const ts = t.emulator.state.nextTs();
    t.emulator.state.addMessage({
      channel: t.ids.dealAcme,
      ts,
      user: t.ids.rep,
      text: CUSTOMER_WORDS,
      reactions: [],
    });
    const event = {
      type: 'message',
      user: t.ids.rep,
      team: t.ids.team,
      channel: t.ids.dealAcme,
      channel_type: 'channel',
      text: CUSTOMER_WORDS,
      ts,
      event_ts: ts,
    };
    await t.driver.event(event, { eventId: 'Ev0DUP00001' });
    await t.driver.event(event, { eventId: 'Ev0DUP00002' });
    await waitFor('an offer', () => offersFor(t.ids.rep).length === 1);
    await settle(400);
    expect(offersFor(t.ids.rep)).toHaveLength(1);
  });

  it('a deleted message opens the modal without a quote rather than failing', async () => {
    const { ts } = await relayCustomerWords();
    const offer = await firstOffer();
    t.emulator.state.deleteMessage(t.emulator.state.findMessage(t.ids.dealAcme, ts)!);
    await t.driver.clickButton(offer.ts, LISTEN_IDS.logAsDriver, t.ids.rep);
    const view = await openedView();
    expect(JSON.stringify(view.blocks)).not.toContain('"initial_value":"we lose');
    expect(apiEphemerals(t)).toHaveLength(1);
  });
});
