import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Deal } from '../../src/domain/deals.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import {
  chatCompletion,
  errorBody,
  type OpenAIMockServer,
  startOpenAIMockServer,
} from '../support/openai-mock-server.js';
import { settle, waitFor } from '../support/wait.js';
import { addEntry, ephemerals, everything, fixtureEvent, linkDeal } from './listen-support.js';

/** A person mentions the app in a channel: the message is stored and Slack sends message + app_mention. */
async function mention(t: TestApp, text: string, channelId: string = t.ids.dealAcme, threadTs?: string) {
  const wire = `<@${t.ids.botUser}> ${text}`;
  const { ts } = await t.driver.userMessage({
    userId: t.ids.rep,
    channelId,
    text: wire,
    ...(threadTs ? { threadTs } : {}),
  });
  const event = fixtureEvent('bolt-python/app_mention.json', {
    user: t.ids.rep,
    team: t.ids.team,
    channel: channelId,
    text: wire,
    ts,
    event_ts: ts,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });
  return {
    ts,
    event,
    response: await t.driver.event(event, { eventId: `Ev0MENTION${ts.replace('.', '')}` }),
  };
}

const replyIn = (t: TestApp, ts: string) =>
  waitFor('a thread reply', () => {
    const found = t.emulator.state.threadReplies(t.ids.dealAcme, ts).filter((m) => m.user === t.ids.botUser);
    return found.length > 0 ? found : undefined;
  });

async function seedEntries(t: TestApp, deal: Deal) {
  const budget = await addEntry(t, deal, {
    kind: 'constraint',
    statement: 'No new spend before the March freeze <!channel>',
    quote: 'nothing new gets signed before March <@U0MGR>',
    constraintCategory: 'budget',
    status: 'confirmed',
  });
  const driver = await addEntry(t, deal, {
    kind: 'driver',
    statement: 'Cross-border shipments lose three days',
  });
  return { budget, driver };
}

describe('ask the deal, offline, end to end', () => {
  let t: TestApp;
  let deal: Deal;
  beforeEach(async () => {
    t = await startTestApp();
    deal = await linkDeal(t);
  });
  afterEach(async () => {
    await t.close();
  });

  it('@Vision answers in a thread under the mention from the entries, citing them, with mentions inert', async () => {
    const { budget } = await seedEntries(t, deal);
    const { ts } = await mention(t, 'what are their constraints?');
    const [reply] = await replyIn(t, ts);
    const shown = everything(reply!);
    expect(shown).toContain(`\`#${budget.id}\``);
    expect(shown).toContain('No new spend before the March freeze &lt;!channel&gt;');
    expect(shown).not.toContain('<!channel>');
    expect(shown).not.toContain('<@U0MGR>');
    expect(shown).toContain('&lt;@U0MGR&gt;');
    expect(shown).toContain('Answered from this deal’s entries only');
    // Only the reply in the thread: no top-level post, no nudge for the question itself.
    expect(t.emulator.state.messages(t.ids.dealAcme).filter((m) => m.user === t.ids.botUser)).toEqual([]);
    await settle();
    expect(t.emulator.state.calls('chat.postEphemeral')).toEqual([]);
  });

  it('says when the entries do not answer and suggests the question to ask the customer', async () => {
    await seedEntries(t, deal);
    const { ts } = await mention(t, 'how will they measure success?');
    const [reply] = await replyIn(t, ts);
    expect(reply!.text).toContain('do not answer that yet');
    expect(everything(reply!)).toContain('If this worked, how would you know?');
  });

  it('answers a mention inside a thread in that thread, and a retried mention once', async () => {
    await seedEntries(t, deal);
    const { ts: parent } = await t.driver.userMessage({
      userId: t.ids.manager,
      channelId: t.ids.dealAcme,
      text: 'Pricing call prep',
    });
    const { event } = await mention(t, 'what is their budget?', t.ids.dealAcme, parent);
    await t.driver.event(event, {
      eventId: `Ev0MENTION${String(event.ts).replace('.', '')}`,
      retryNum: 1,
      retryReason: 'http_timeout',
    });
    await replyIn(t, parent);
    await settle(400);
    const fromBot = t.emulator.state
      .threadReplies(t.ids.dealAcme, parent)
      .filter((m) => m.user === t.ids.botUser);
    expect(fromBot).toHaveLength(1);
    expect(everything(fromBot[0]!)).toContain('Constraints (budget)');
  });

  it('in a channel without a deal, tells only the person who asked', async () => {
    t.emulator.state.joinChannel(t.ids.general, t.ids.botUser);
    const { ts } = await mention(t, 'what are their constraints?', t.ids.general);
    const [note] = await waitFor('an ephemeral', () =>
      ephemerals(t, t.ids.rep).length ? ephemerals(t, t.ids.rep) : null,
    );
    expect(note!.text).toContain('not linked to a deal');
    expect(t.emulator.state.threadReplies(t.ids.general, ts)).toEqual([]);
  });

  it('/vision ask posts the question as a short parent line and answers in its thread', async () => {
    const { driver } = await seedEntries(t, deal);
    await t.driver.slashCommand({
      userId: t.ids.rep,
      channelId: t.ids.dealAcme,
      text: 'ask why are they doing this? <!here>',
    });
    const parent = await waitFor('the question line', () =>
      t.emulator.state.messages(t.ids.dealAcme).find((m) => m.user === t.ids.botUser),
    );
    expect(parent.text).toBe(`*Q:* why are they doing this? &lt;!here&gt; (asked by <@${t.ids.rep}>)`);
    const [answer] = await replyIn(t, parent.ts);
    expect(everything(answer!)).toContain(
      `\`#${driver.id}\` *Business driver:* Cross-border shipments lose three days`,
    );
  });

  it('/vision ask without a question or outside a deal channel answers privately', async () => {
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'ask' });
    await t.driver.slashCommand({
      userId: t.ids.manager,
      channelId: t.ids.general,
      text: 'ask what is their budget?',
    });
    await waitFor('usage', () =>
      ephemerals(t, t.ids.rep).some((m) => m.text.includes('/vision ask what are their constraints?')),
    );
    await waitFor('not linked', () =>
      ephemerals(t, t.ids.manager).some((m) => m.text.includes('not linked to a deal')),
    );
    expect(t.emulator.state.allMessages(t.ids.dealAcme).filter((m) => m.user === t.ids.botUser)).toEqual([]);
  });
});

describe('ask the deal with the LLM (local OpenAI-compatible mock), end to end', () => {
  let openai: OpenAIMockServer;
  let t: TestApp;
  let deal: Deal;
  beforeAll(async () => {
    openai = await startOpenAIMockServer();
  });
  afterAll(async () => {
    await openai.close();
  });
  beforeEach(async () => {
    t = await startTestApp({ openai: { baseURL: openai.baseURL } });
    deal = await linkDeal(t);
  });
  afterEach(async () => {
    await t.close();
  });

  const llmReply = (body: object) => chatCompletion(JSON.stringify(body));

  it('answers with the model’s words and the entries it cited, checked against the deal', async () => {
    const { budget } = await seedEntries(t, deal);
    openai.reply(
      llmReply({
        answered: true,
        answer: 'Budget is frozen until March <!everyone>.',
        cited_entry_ids: [budget.id],
        question_to_ask: null,
      }),
    );
    const { ts } = await mention(t, 'can they buy this quarter?');
    const [reply] = await replyIn(t, ts);
    const shown = everything(reply!);
    expect(shown).toContain('Budget is frozen until March &lt;!everyone&gt;.');
    expect(shown).not.toContain('<!everyone>');
    expect(shown).toContain(`\`#${budget.id}\``);
    expect(shown).toContain('Answered by the AI from this deal’s entries only');
    const sent = openai.requests.at(-1)!.body;
    expect(sent.response_format.type).toBe('json_schema');
    expect(sent.messages[1].content).toContain('No new spend before the March freeze');
    expect(sent.messages[1].content).not.toContain('<!channel>'); // data block cannot open or close tags
  });

  it('falls back to the offline answer when the model cites an entry the deal does not have', async () => {
    const { budget } = await seedEntries(t, deal);
    openai.reply(
      llmReply({ answered: true, answer: 'Made up.', cited_entry_ids: [9999], question_to_ask: null }),
    );
    const { ts } = await mention(t, 'what is their budget?');
    const [reply] = await replyIn(t, ts);
    const shown = everything(reply!);
    expect(shown).not.toContain('Made up.');
    expect(shown).toContain(`\`#${budget.id}\``);
    expect(shown).toContain('The AI was unavailable');
    expect(t.logs.join('\n')).toContain('LLM answer not used (invalid_output');
  });

  it('falls back to the offline answer when the server fails', async () => {
    await seedEntries(t, deal);
    openai.replyStatus(500, errorBody('server_error', 'boom', 'server_error'));
    openai.replyStatus(500, errorBody('server_error', 'boom', 'server_error'));
    const { ts } = await mention(t, 'what risks did they mention?');
    const [reply] = await replyIn(t, ts);
    expect(reply!.text).toContain('do not answer that yet');
    expect(everything(reply!)).toContain('What worries you most');
    expect(everything(reply!)).toContain('The AI was unavailable');
  });

  it('passes on the model’s “not in the entries” with its suggested question', async () => {
    await seedEntries(t, deal);
    openai.reply(
      llmReply({
        answered: false,
        answer: 'Nothing logged says who signs off.',
        cited_entry_ids: [],
        question_to_ask: 'Who signs off on a purchase like this?',
      }),
    );
    const { ts } = await mention(t, 'who signs off?');
    const [reply] = await replyIn(t, ts);
    expect(reply!.text).toContain('do not answer that yet');
    expect(everything(reply!)).toContain('Nothing logged says who signs off.');
    expect(everything(reply!)).toContain('Who signs off on a purchase like this?');
  });
});
