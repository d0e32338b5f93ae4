import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Deal } from '../../src/domain/deals.js';
import { NOW, openRecapModal, recapParents, recapValues, threadOf } from '../slack/recap-support.js';
import { addEntry, everything, linkDeal } from '../support/deal-fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

/** Slack's own limit for an answer to a slash command, interaction or event. */
const ACK_MS = 3_000;

/**
 * Slack's Web API answers 429 (with Retry-After) or 5xx to the app's calls while a person uses it: the request is
 * still acknowledged in time, the call is retried after the wait, and what the person sees arrives once.
 * (The weekly nudge run under 429/5xx: test/scheduling/weekly-run.test.ts.)
 */
describe('Slack answering 429 and 5xx during a command and a recap, through the receiver', () => {
  let t: TestApp;
  let deal: Deal;
  beforeAll(async () => {
    t = await startTestApp({ clock: () => NOW });
    deal = await linkDeal(t);
    await addEntry(t, deal, { kind: 'driver', statement: 'Cross-border shipments lose three days' });
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    t.emulator.state.views.clear(t.ids.rep);
  });

  const timed = async <T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> => {
    const started = Date.now();
    const result = await run();
    return { result, ms: Date.now() - started };
  };
  const botLines = (prefix: string) =>
    t.emulator.state
      .messages(deal.channelId)
      .filter((m) => m.user === t.ids.botUser && m.text.startsWith(prefix));

  it('/vision ask: 429 then two 503s on the post; acked in time, the question and answer posted once', async () => {
    t.emulator.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    t.emulator.failNext('chat.postMessage', { status: 503 }, 2);
    const started = Date.now();
    const { result, ms } = await timed(() =>
      t.driver.slashCommand({
        userId: t.ids.rep,
        channelId: deal.channelId,
        text: 'ask why are they buying?',
      }),
    );
    expect(result.status).toBe(200);
    expect(ms).toBeLessThan(ACK_MS);
    const parent = await waitFor('the question line', () => botLines('*Q:* why are they buying?')[0], 15_000);
    const answer = await waitFor(
      'the answer',
      () => t.emulator.state.threadReplies(deal.channelId, parent.ts).find((m) => m.ts !== parent.ts),
      15_000,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(900); // the Retry-After was waited out
    expect(everything(answer)).toContain('Cross-border shipments lose three days');
    const replies = t.emulator.state
      .threadReplies(deal.channelId, parent.ts)
      .filter((m) => m.ts !== parent.ts);
    expect(replies).toHaveLength(1);
    expect(botLines('*Q:* why are they buying?')).toHaveLength(1);
    expect(t.emulator.calls('chat.postMessage').length).toBeGreaterThanOrEqual(5);
  });

  it('/vision recap: a 429 on views.open still opens the modal; 429 and 5xx on the posts give one recap', async () => {
    t.emulator.failNext('views.open', { status: 429, retryAfter: 1 });
    const { result, ms } = await timed(() =>
      t.driver.slashCommand({ userId: t.ids.rep, channelId: deal.channelId, text: 'recap' }),
    );
    expect(result.status).toBe(200);
    expect(ms).toBeLessThan(ACK_MS);
    const view = await openRecapModal(t);

    t.emulator.failNext('chat.postMessage', { status: 503 });
    t.emulator.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    t.emulator.failNext('chat.postMessage', { status: 502 });
    const submitted = await timed(() => t.driver.submitView(view.id, recapValues()));
    expect(submitted.result.outcome).toBe('close');
    expect(submitted.ms).toBeLessThan(ACK_MS);
    const parent = await waitFor('the recap', () => recapParents(t)[0], 20_000);
    await waitFor('the proposals in its thread', () => threadOf(t, parent).length >= 2, 20_000);
    expect(recapParents(t)).toHaveLength(1);
    const dm = t.emulator.state.openIm(t.ids.rep).id;
    expect(t.emulator.state.messages(dm).filter((m) => m.text.includes('could not be finished'))).toEqual([]);
  });
});
