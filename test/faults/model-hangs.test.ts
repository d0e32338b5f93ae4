import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Deal } from '../../src/domain/deals.js';
import {
  NOTES,
  NOW,
  openRecapModal,
  recapParents,
  recapValues,
  TRANSCRIPT,
  threadOf,
} from '../slack/recap-support.js';
import { addEntry, everything, linkDeal } from '../support/deal-fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { type OpenAIMockServer, startOpenAIMockServer } from '../support/openai-mock-server.js';
import { waitFor } from '../support/wait.js';

const ACK_MS = 3_000;
/** OPENAI_TIMEOUT_MS for this app: each call is abandoned after it. */
const MODEL_TIMEOUT_MS = 1_000;
/** One try and one retry (the fallback client), the SDK's backoff between them, and the Slack posts. */
const ANSWER_WITHIN_MS = 2 * MODEL_TIMEOUT_MS + 3_500;
/** A recap also reads the text and runs the offline extractor on the worker thread (slower on a busy machine). */
const RECAP_WITHIN_MS = ANSWER_WITHIN_MS + 5_000;

/**
 * An OpenAI-compatible server that accepts every request and never answers: the person is answered within the
 * configured timeout (the offline path, saying the AI was unavailable), every request was acked in time, the app
 * keeps serving, and the recap's text is kept.
 */
describe('a model that never answers, through the receiver', () => {
  let llm: OpenAIMockServer;
  let t: TestApp;
  let deal: Deal;
  beforeAll(async () => {
    llm = await startOpenAIMockServer();
    // Every request hangs (each scripted reply serves one request, retries included).
    for (let i = 0; i < 20; i++) llm.replyWith(() => new Promise(() => undefined));
    t = await startTestApp({
      clock: () => NOW,
      openai: { baseURL: llm.baseURL, timeoutMs: MODEL_TIMEOUT_MS },
    });
    deal = await linkDeal(t);
    await addEntry(t, deal, { kind: 'driver', statement: 'Cross-border shipments lose three days' });
  });
  afterAll(async () => {
    await t.close();
    await llm.close();
  });
  beforeEach(() => {
    t.emulator.state.views.clear(t.ids.rep);
  });

  it('/vision ask: acked at once, the offline answer arrives within the timeout and says the AI was unavailable', async () => {
    const started = Date.now();
    const ack = await t.driver.slashCommand({
      userId: t.ids.rep,
      channelId: deal.channelId,
      text: 'ask why do they buy?',
    });
    expect(ack.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(ACK_MS);
    const parent = await waitFor('the question line', () =>
      t.emulator.state.messages(deal.channelId).find((m) => m.text.startsWith('*Q:* why do they buy?')),
    );
    const answer = await waitFor(
      'the answer',
      () => t.emulator.state.threadReplies(deal.channelId, parent.ts).find((m) => m.ts !== parent.ts),
      ANSWER_WITHIN_MS + 1_000,
    );
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(MODEL_TIMEOUT_MS);
    expect(took).toBeLessThan(ANSWER_WITHIN_MS);
    expect(everything(answer)).toContain('The AI was unavailable');
    expect(everything(answer)).toContain('Cross-border shipments lose three days');
    expect(llm.requests.length).toBeGreaterThanOrEqual(1);
  });

  it('/vision draft: acked at once, the offline draft is posted, saying the AI timed out', async () => {
    const started = Date.now();
    const ack = await t.driver.slashCommand({ userId: t.ids.rep, channelId: deal.channelId, text: 'draft' });
    expect(ack.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(ACK_MS);
    const parent = await waitFor(
      'the draft',
      () =>
        t.emulator.state
          .messages(deal.channelId)
          .find(
            (m) => m.text.startsWith('Shared vision draft v1 ') && everything(m).includes('AI unavailable'),
          ),
      15_000,
    );
    expect(everything(parent)).toMatch(/AI unavailable: timeout/);
  });

  it('recap: the modal closes at once; the recap is posted with the offline proposals, saying why, text kept', async () => {
    const view = await openRecapModal(t);
    const started = Date.now();
    const submitted = await t.driver.submitView(view.id, recapValues());
    expect(submitted.outcome).toBe('close');
    expect(Date.now() - started).toBeLessThan(ACK_MS);
    const parent = await waitFor('the recap', () => recapParents(t)[0], RECAP_WITHIN_MS);
    expect(Date.now() - started).toBeLessThan(RECAP_WITHIN_MS);
    const thread = await waitFor('the thread', () =>
      threadOf(t, parent).length >= 2 ? threadOf(t, parent) : undefined,
    );
    expect(everything(thread[0]!)).toMatch(
      /The LLM extraction failed \(timeout[^)]*\), so the offline extractor proposed these/,
    );
    const proposals = thread.slice(1).map(everything).join('\n');
    expect(proposals).toContain('March freeze');

    const health = await fetch(`${t.app.url}/healthz`);
    expect(health.status).toBe(200);
    const saved = await waitFor('the submission marked posted', async () => {
      const row = await t.repos.recapSubmissions.get(t.ids.team, 1);
      return row?.status === 'posted' ? row : undefined;
    });
    const meeting = await t.repos.meetings.getById(t.ids.team, saved!.meetingId!);
    expect(meeting?.notes).toBe(NOTES);
    expect(meeting?.transcript).toBe(TRANSCRIPT);
    expect(meeting?.analysis?.fallbackReason).toBeTruthy();
  });
});
