import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SlackMessage } from '../../src/sandbox/emulator/types.js';
import { postDueRecapPrompts } from '../../src/slack/flows/recap-prompts.js';
import { FOREIGN_USER_TEXT } from '../../src/slack/middleware/foreign-users.js';
import { FOREIGN_ASKER_TEXT } from '../../src/slack/views/ask-blocks.js';
import {
  DECISION_FORM,
  DRAFT_ACTIONS,
  DRAFT_VIEWS,
  RECAP_IDS,
  SETUP_FORM,
  VIEW_IDS,
} from '../../src/slack/views/ids.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { openModal } from '../support/modals.js';
import { settle, waitFor } from '../support/wait.js';
import { ACME_ENTRIES, everything, seedDeal } from './draft-support.js';
import { CUSTOMER_WORDS, fixtureEvent, PRESCRIBING } from './listen-support.js';
import { NOW, openRecapModal, recapValues } from './recap-support.js';

const CUSTOMER = 'U0BUYER';
const INTERNAL = 'C0ACMEINTERNAL';
const NO_BOT = 'C0NOBOT';
const OTHER_SHARED = 'C0PARTNERS';

/** Words that only coaching or internal working copies carry. */
const INTERNAL_MARKERS = [
  'Questions to ask next',
  'Listening check',
  'Listen first?',
  'Unverified',
  'Decision to make',
  'Recap:',
  'Refresh the shared-vision draft',
  'Q:*',
];

describe('Slack Connect: no coaching in a channel shared with the customer (end to end)', () => {
  let t: TestApp;
  let seeded: Awaited<ReturnType<typeof seedDeal>>;
  beforeEach(async () => {
    t = await startTestApp({ clock: () => NOW });
    seeded = await seedDeal(t, ACME_ENTRIES);
    const state = t.emulator.state;
    state.addUser({
      id: CUSTOMER,
      name: 'bea.buyer',
      realName: 'Bea Buyer',
      tz: 'Europe/Berlin',
      tzLabel: 'Central European Time',
      tzOffset: 3600,
      isBot: false,
      homeTeamId: 'T0CUSTOMER',
    });
    const acme = state.channels.get(t.ids.dealAcme)!;
    acme.members.push(CUSTOMER);
    acme.isExtShared = true;
    state.addChannel({ id: INTERNAL, name: 'acme-internal', members: [t.ids.rep, t.ids.botUser] });
    state.addChannel({ id: NO_BOT, name: 'acme-team', members: [t.ids.rep] });
    state.addChannel({
      id: OTHER_SHARED,
      name: 'partners',
      members: [t.ids.rep, t.ids.botUser],
      isExtShared: true,
    });
  });
  afterEach(async () => t.close());

  /** Everything the bot posted in a conversation, thread replies included. */
  const botPosts = (channelId: string) =>
    t.emulator.state.allMessages(channelId).filter((m) => m.user === t.ids.botUser);
  const dm = () => t.emulator.state.dmsTo(t.ids.rep).filter((m) => m.user === t.ids.botUser);
  const has = (messages: SlackMessage[], text: string) => messages.some((m) => everything(m).includes(text));
  /** Waits for an ephemeral to the rep in the deal channel, posted after the `since`-th one, carrying `text`. */
  const nextEphemeral = async (what: string, since: number, text: string) =>
    waitFor(what, () =>
      t.emulator.state
        .ephemeralsFor(t.ids.rep, t.ids.dealAcme)
        .slice(since)
        .find((e) => everything(e).includes(text)),
    );
  const ephemeralCount = () => t.emulator.state.ephemeralsFor(t.ids.rep, t.ids.dealAcme).length;
  const repEphemerals = (text: string) =>
    t.emulator.state.ephemeralsFor(t.ids.rep, t.ids.dealAcme).filter((e) => everything(e).includes(text));

  async function mention(userId: string, team: string, text: string) {
    const wire = `<@${t.ids.botUser}> ${text}`;
    const { ts } = await t.driver.userMessage({ userId, channelId: t.ids.dealAcme, text: wire });
    const event = fixtureEvent('bolt-python/app_mention.json', {
      user: userId,
      team,
      user_team: team,
      channel: t.ids.dealAcme,
      text: wire,
      ts,
      event_ts: ts,
    });
    await t.driver.event(event, { eventId: `Ev0MENTION${ts.replace('.', '')}` });
  }

  async function logDecision(title: string) {
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: `decision ${title}` });
    const view = await openModal(t, t.ids.rep, VIEW_IDS.logDecision);
    const result = await t.driver.submitView(view.id, {
      [DECISION_FORM.customerOwnerName]: 'Dana Lee',
      [DECISION_FORM.dueDate]: '2030-06-10',
    });
    expect(result.outcome).toBe('close');
  }

  async function recap() {
    const view = await openRecapModal(t);
    expect((await t.driver.submitView(view.id, recapValues())).outcome).toBe('close');
  }

  it('every coaching path goes to the rep privately; the shared channel and the customer get none of it', async () => {
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'draft' });
    await waitFor('the draft in the DM', () => has(dm(), 'Questions to ask next'), 15_000);
    await waitFor('the listening check', () => repEphemerals('Listening check').length > 0);

    const asked = ephemeralCount();
    await t.driver.slashCommand({
      userId: t.ids.rep,
      channelId: t.ids.dealAcme,
      text: 'ask what are their constraints?',
    });
    const answer = await nextEphemeral('the /vision ask answer, privately', asked, 'March freeze');
    expect(everything(answer)).not.toContain('Listening check');

    const mentioned = ephemeralCount();
    await mention(t.ids.rep, t.ids.team, 'why are they buying?');
    await nextEphemeral('the @Vision answer, privately', mentioned, 'three days');

    const logged = ephemeralCount();
    await logDecision('Pick a pilot region');
    await nextEphemeral('the decision note, privately', logged, 'Decision to make');

    const recapped = ephemeralCount();
    await recap();
    await waitFor('the recap in the DM', () => has(dm(), 'Recap: Discovery call'), 15_000);
    await nextEphemeral('the listening figures', recapped, 'Discovery call');

    const prescribed = ephemeralCount();
    await t.driver.userMessage({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: PRESCRIBING });
    await nextEphemeral('the listen-first nudge', prescribed, 'Listen first?');
    const relayed = ephemeralCount();
    await t.driver.userMessage({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: CUSTOMER_WORDS });
    await nextEphemeral('the capture offer', relayed, 'we lose three days');

    // The customer asks the app about the deal: refused, nothing of the deal shown.
    await mention(CUSTOMER, 'T0CUSTOMER', 'what is your walk-away price?');
    await waitFor('the refusal', () =>
      t.emulator.state.ephemeralsFor(CUSTOMER).some((e) => e.text === FOREIGN_ASKER_TEXT),
    );
    await settle();

    expect(botPosts(t.ids.dealAcme)).toEqual([]);
    const customerSaw = t.emulator.state.ephemeralsFor(CUSTOMER);
    expect(customerSaw.map((e) => e.text)).toEqual([FOREIGN_ASKER_TEXT]);
    const recapParent = dm().find((m) => m.text.startsWith('Recap: '))!;
    // The recap's buttons work where it went: Confirm in the DM writes the entry.
    const proposals = t.emulator.state
      .threadReplies(recapParent.channel, recapParent.ts)
      .find((m) => everything(m).includes(RECAP_IDS.confirm))!;
    const before = (await t.repos.entries.listByDeal(t.ids.team, seeded.deal.id)).length;
    await t.driver.clickButton(proposals.ts, RECAP_IDS.confirm, t.ids.rep);
    await waitFor(
      'the confirmed entry',
      async () => (await t.repos.entries.listByDeal(t.ids.team, seeded.deal.id)).length > before,
    );
    for (const marker of INTERNAL_MARKERS) {
      expect(has(t.emulator.state.allMessages(t.ids.dealAcme), marker), marker).toBe(false);
    }

    // "Refresh the shared-vision draft" in the DM's recap thread, then Regenerate on the DM's draft: both stay there.
    const intro = t.emulator.state
      .threadReplies(recapParent.channel, recapParent.ts)
      .find((m) => everything(m).includes(RECAP_IDS.refreshDraft))!;
    await t.driver.clickButton(intro.ts, RECAP_IDS.refreshDraft, t.ids.rep);
    const v2 = await waitFor('draft v2', async () => {
      const v = await t.repos.drafts.latest(t.ids.team, seeded.deal.id);
      return v?.version === 2 && v.replyTs.length > 0 ? v : undefined;
    });
    expect(v2.channelId).toBe(recapParent.channel);
    await waitFor('the v2 parent with its buttons', () => {
      const m = t.emulator.state.findMessage(recapParent.channel, v2.messageTs!);
      return m?.text.startsWith('Shared vision draft v2') && everything(m).includes(DRAFT_ACTIONS.regenerate);
    });
    await t.driver.clickButton(v2.messageTs!, DRAFT_ACTIONS.regenerate, t.ids.rep);
    const v3 = await waitFor('draft v3', async () => {
      const v = await t.repos.drafts.latest(t.ids.team, seeded.deal.id);
      return v?.version === 3 && v.replyTs.length > 0 ? v : undefined;
    });
    expect(v3).toMatchObject({ channelId: recapParent.channel, messageTs: v2.messageTs });
    expect(botPosts(t.ids.dealAcme)).toEqual([]);

    // /vision export here opens the Share preview instead of uploading the file where the customer reads.
    t.emulator.state.views.clear(t.ids.rep);
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'export' });
    const preview = await openModal(t, t.ids.rep, DRAFT_VIEWS.share);
    expect(JSON.stringify(preview.definition.blocks)).toContain("Here's what we heard");
    expect(t.emulator.calls().filter((c) => c.method.startsWith('files.'))).toEqual([]);
    expect(botPosts(t.ids.dealAcme)).toEqual([]);
  });

  it('setup links an internal channel (checked inline); then coaching goes there and Share posts exactly the preview', async () => {
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'setup' });
    const setup = await openModal(t, t.ids.rep, VIEW_IDS.setupDeal);
    const pick = (channel: string) =>
      t.driver.submitView(setup.id, { [SETUP_FORM.internalChannel]: channel });
    const notMember = await pick(NO_BOT);
    expect(notMember.outcome).toBe('errors');
    expect(notMember.errors?.[SETUP_FORM.internalChannel]).toMatch(/not_in_channel.*invite me/i);
    const shared = await pick(OTHER_SHARED);
    expect(shared.errors?.[SETUP_FORM.internalChannel]).toMatch(/shared with another organisation/);
    expect((await pick(t.ids.dealAcme)).errors?.[SETUP_FORM.internalChannel]).toMatch(/Pick another channel/);
    expect(await t.repos.coachingChannels.get(t.ids.team, seeded.deal.id)).toBeNull();
    expect((await pick(INTERNAL)).outcome).toBe('close');
    expect(await t.repos.coachingChannels.get(t.ids.team, seeded.deal.id)).toBe(INTERNAL);

    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'draft' });
    const parent = await waitFor(
      'the draft parent in the internal channel',
      () => botPosts(INTERNAL).find((m) => everything(m).includes(DRAFT_ACTIONS.shareWithCustomer)),
      15_000,
    );
    await waitFor('the draft thread', () =>
      has(t.emulator.state.threadReplies(INTERNAL, parent.ts), 'Questions to ask next'),
    );
    await logDecision('Pick a pilot region');
    await waitFor('the decision note there', () => has(botPosts(INTERNAL), 'Decision to make'));
    await t.driver.slashCommand({
      userId: t.ids.rep,
      channelId: t.ids.dealAcme,
      text: 'ask what are their constraints?',
    });
    await waitFor('the answer there', () => has(botPosts(INTERNAL), 'March freeze'));
    expect(botPosts(t.ids.dealAcme)).toEqual([]);

    const opened = t.emulator.calls('views.open').length;
    // A customer's click on Share (a replayed payload: they cannot read this channel) is refused; no preview.
    await t.driver.clickButton(parent.ts, DRAFT_ACTIONS.shareWithCustomer, CUSTOMER);
    await waitFor('the refusal', () =>
      t.emulator
        .calls('chat.postEphemeral')
        .some((c) => c.args.user === CUSTOMER && c.args.text === FOREIGN_USER_TEXT),
    );
    await settle();
    expect(t.emulator.state.views.top(CUSTOMER)).toBeUndefined();
    expect(t.emulator.calls('views.open')).toHaveLength(opened);

    // An entry marked internal after drafting never reaches the customer's copy.
    const hidden = seeded.entries[1]!;
    await t.repos.entries.update(t.ids.team, hidden.id, { internalOnly: true }, t.ids.rep);
    await t.driver.clickButton(parent.ts, DRAFT_ACTIONS.shareWithCustomer, t.ids.rep);
    const preview = await openModal(t, t.ids.rep, DRAFT_VIEWS.share);
    const previewBlocks = preview.definition.blocks as Array<{ type: string }>;
    const customerBlocks = previewBlocks.slice(2, -1);
    const shown = JSON.stringify(customerBlocks);
    expect(shown).toContain("Here's what we heard");
    expect(shown).toContain('95% on time by Q3');
    expect(shown).not.toContain('we lose three days');
    expect(shown).not.toContain('Questions to ask next');
    expect(shown).not.toContain('Listening check');
    expect(botPosts(t.ids.dealAcme)).toEqual([]);

    // Changed since the preview: shown again, nothing posted.
    const other = seeded.entries[3]!;
    await t.repos.entries.update(t.ids.team, other.id, { internalOnly: true }, t.ids.rep);
    const stale = await t.driver.submitView(preview.id, {});
    expect(stale.outcome).toBe('update');
    expect(JSON.stringify(stale.topView?.definition.blocks)).toContain('changed since this preview');
    expect(botPosts(t.ids.dealAcme)).toEqual([]);

    const again = stale.topView!;
    const expected = (again.definition.blocks as unknown[]).slice(3, -1);
    expect(JSON.stringify(expected)).not.toContain('95% on time by Q3');
    expect((await t.driver.submitView(again.id, {})).outcome).toBe('close');
    const posted = await waitFor('the customer copy in the deal channel', () => botPosts(t.ids.dealAcme)[0]);
    // Slack gives every block a random block_id; apart from it the message is the preview, block for block.
    const withoutIds = (blocks: unknown) =>
      (blocks as Array<Record<string, unknown>>).map(({ block_id: _id, ...rest }) => rest);
    expect(withoutIds(posted.blocks)).toEqual(withoutIds(expected));
    expect(withoutIds(expected).length).toBeGreaterThan(3);
    expect(botPosts(t.ids.dealAcme)).toHaveLength(1);
    const draft = await t.repos.drafts.latest(t.ids.team, seeded.deal.id);
    expect(draft?.status).toBe('shared');

    // Setup shows the linked channel, and unlinks it on request.
    t.emulator.state.views.clear(t.ids.rep);
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'setup' });
    const edit = await openModal(t, t.ids.rep, VIEW_IDS.setupDeal);
    expect(JSON.stringify(edit.definition.blocks)).toContain(`"initial_conversation":"${INTERNAL}"`);
    expect((await t.driver.submitView(edit.id, { [SETUP_FORM.internalChannelOff]: ['off'] })).outcome).toBe(
      'close',
    );
    expect(await t.repos.coachingChannels.get(t.ids.team, seeded.deal.id)).toBeNull();
  });

  it('the recap prompt of a meeting in a shared channel goes to the internal channel; its thread notes are read there', async () => {
    await t.repos.coachingChannels.set(t.ids.team, seeded.deal.id, INTERNAL, NOW);
    await t.driver.slashCommand({
      userId: t.ids.rep,
      channelId: t.ids.dealAcme,
      text: 'meeting Discovery call today 14:00',
    });
    const confirmation = await waitFor('the confirmation', () =>
      t.emulator.state.ephemeralsFor(t.ids.rep).find((e) => e.text.startsWith('Scheduled')),
    );
    expect(confirmation.text).toContain(`I will ask in <#${INTERNAL}> how it went`);
    const run = await postDueRecapPrompts(
      new Date(NOW.getTime() + 106 * 60_000),
      t.app.deps,
      t.app.bolt.client,
    );
    expect(run).toEqual({ posted: 1, failed: 0 });
    expect(botPosts(t.ids.dealAcme)).toEqual([]);
    const prompt = botPosts(INTERNAL).find((m) => m.text.startsWith('How did Discovery call go?'))!;
    expect(prompt).toBeDefined();

    await t.driver.userMessage({
      userId: t.ids.rep,
      channelId: INTERNAL,
      threadTs: prompt.ts,
      text: 'Constraint: security review takes six weeks',
    });
    await t.driver.clickButton(prompt.ts, RECAP_IDS.openFromPrompt, t.ids.rep);
    const view = await openModal(t, t.ids.rep, RECAP_IDS.modal);
    expect(JSON.stringify(view.definition)).toContain('1 reply in the prompt');
  });

  it('an internal channel that was shared since, or that the app left, is not used: the rep gets it privately', async () => {
    await t.repos.coachingChannels.set(t.ids.team, seeded.deal.id, INTERNAL, NOW);
    t.emulator.state.leaveChannel(INTERNAL, t.ids.botUser);
    await logDecision('Pick a pilot region');
    await waitFor('the note in the DM', () => has(dm(), 'Decision to make: Pick a pilot region'));

    t.emulator.state.joinChannel(INTERNAL, t.ids.botUser);
    t.emulator.state.channels.get(INTERNAL)!.isExtShared = true;
    await t.driver.event({ type: 'channel_shared', channel: INTERNAL, connected_team_id: 'T0CUSTOMER' });
    await waitFor(
      'the refresh',
      async () => (await t.repos.channelSharing.get(t.ids.team, INTERNAL))?.isExtShared,
    );
    await logDecision('Choose a carrier');
    await waitFor('the ephemeral note', () => repEphemerals('Decision to make: Choose a carrier').length > 0);
    expect(has(botPosts(INTERNAL), 'Choose a carrier')).toBe(false);
    expect(botPosts(t.ids.dealAcme)).toEqual([]);
  });
});
