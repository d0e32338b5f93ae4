import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../src/domain/entries.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import {
  chatCompletion,
  errorBody,
  type OpenAIMockServer,
  startOpenAIMockServer,
} from '../support/openai-mock-server.js';
import {
  ACME_ENTRIES,
  everything,
  listeningCheckOf,
  parentOf,
  repliesOf,
  seedDeal,
} from './draft-support.js';

/** A structured reply citing the seeded Acme entries, in the shape of llmDraftSchema. */
function acmeReply(e: Entry[]) {
  const [, slow, invoices, onTime, freeze] = e.map((x) => x.id);
  return {
    today: [
      {
        text: 'Cross-border shipments are slow today.',
        entry_ids: [slow],
        quote: 'we lose three days on every cross-border shipment',
      },
    ],
    drivers: [
      { text: 'Three days lost per cross-border shipment.', entry_ids: [slow], quote: null },
      { text: 'Invoices are reconciled by hand.', entry_ids: [invoices], quote: null },
    ],
    success_factors: [{ text: '95% on-time delivery by Q3.', entry_ids: [onTime], quote: null }],
    constraints: [{ text: 'No new spend before the March freeze.', entry_ids: [freeze], quote: null }],
    vision: [
      {
        future: 'on-time cross-border shipments without new spend',
        driver_ids: [slow],
        success_ids: [onTime],
        respect_ids: [freeze],
        first_step: 'a scoping that costs nothing before March',
      },
    ],
    perspective: [],
    questions: [{ text: 'Who owns the March freeze?', spin: 'situation', entry_ids: [freeze] }],
  };
}

describe('/vision draft with an OpenAI-compatible server (local mock), end to end', () => {
  let t: TestApp;
  let mock: OpenAIMockServer;
  let seeded: Awaited<ReturnType<typeof seedDeal>>;
  beforeAll(async () => {
    mock = await startOpenAIMockServer();
    t = await startTestApp({ openai: { baseURL: mock.baseURL, timeoutMs: 1_000 } });
    seeded = await seedDeal(t, ACME_ENTRIES);
  });
  afterAll(async () => {
    await t.close();
    await mock.close();
  });

  const expectNoLostEntries = async (citations: number[], allCited: boolean) => {
    const entries = await t.repos.entries.listByDeal(t.ids.team, seeded.deal.id);
    expect(entries.map((e) => e.id)).toEqual(seeded.entries.map((e) => e.id));
    if (allCited) for (const e of seeded.entries.slice(1)) expect(citations).toContain(e.id);
  };

  it('a valid structured reply is posted as an AI draft, with usage recorded and questions merged', async () => {
    mock.reply(chatCompletion(JSON.stringify(acmeReply(seeded.entries)), { model: 'gpt-test-2025' }));
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'draft' });
    const parent = await parentOf(t, 1);
    await listeningCheckOf(t, t.ids.rep, 1);
    expect(everything(parent)).toContain('Drafted with AI (gpt-test-2025)');
    const [reply] = await repliesOf(t, parent, 1);
    expect(everything(reply!)).toContain('Cross-border shipments are slow today.');

    const v = (await t.repos.drafts.latest(t.ids.team, seeded.deal.id))!;
    expect(v).toMatchObject({
      provider: 'openai',
      model: 'gpt-test-2025',
      promptTokens: 100,
      completionTokens: 50,
    });
    expect(v.fallbackReason).toBeNull();
    expect(v.content.questions[0]?.text).toBe('Who owns the March freeze?');
    expect(v.content.questions.length).toBeGreaterThan(1); // gap questions merged in

    const sent = mock.requests.at(-1)!;
    expect(sent.headers.authorization).toBe('Bearer sk-test-local');
    expect(sent.body.model).toBe('gpt-test');
    expect(JSON.stringify(sent.body.messages)).toContain('<customer_data>');
    await expectNoLostEntries(v.citations, false);
    expect(t.logs.join('\n')).not.toContain('sk-test-local');
  });

  it('HTTP 500 (after the retries) falls back to the offline draft, labelled, logged without secrets', async () => {
    const before = mock.requests.length;
    for (let i = 0; i < 3; i++)
      mock.replyStatus(500, errorBody(null, 'The server had an error', 'server_error'));
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'draft' });
    const parent = await parentOf(t, 2);
    await listeningCheckOf(t, t.ids.rep, 2);
    expect(everything(parent)).toContain('Drafted without AI (offline), AI unavailable: server_error');
    await repliesOf(t, parent, 2);
    expect(mock.requests.length - before).toBe(3); // first try + 2 retries
    const v = (await t.repos.drafts.latest(t.ids.team, seeded.deal.id))!;
    expect(v.provider).toBe('offline');
    expect(v.fallbackReason).toMatch(/^server_error: server error: HTTP 500/);
    await expectNoLostEntries(v.citations, true);
    const logs = t.logs.join('\n');
    expect(logs).toContain('used the offline drafter');
    expect(logs).not.toContain('sk-test-local');
  });

  it('a server that never answers in time falls back to the offline draft', async () => {
    const slow = chatCompletion(JSON.stringify(acmeReply(seeded.entries)));
    for (let i = 0; i < 3; i++) mock.reply(slow, { delayMs: 2_500 });
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'draft' });
    const parent = await parentOf(t, 3);
    await listeningCheckOf(t, t.ids.rep, 3);
    expect(everything(parent)).toContain('AI unavailable: timeout');
    await repliesOf(t, parent, 3);
    const v = (await t.repos.drafts.latest(t.ids.team, seeded.deal.id))!;
    expect(v).toMatchObject({ provider: 'offline', version: 3 });
    expect(v.fallbackReason).toMatch(/^timeout/);
    await expectNoLostEntries(v.citations, true);
  }, 30_000);
});
