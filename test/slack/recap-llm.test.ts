import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RECAP_IDS } from '../../src/slack/views/ids.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import {
  chatCompletion,
  type OpenAIMockServer,
  startOpenAIMockServer,
} from '../support/openai-mock-server.js';
import { waitFor } from '../support/wait.js';
import {
  linkDeal,
  NOW,
  openRecapModal,
  recapValues,
  shareFileInDealChannel,
  TRANSCRIPT,
  threadOf,
  waitForRecapThread,
} from './recap-support.js';

const proposal = (statement: string, quote: string | null, speaker: string | null) => ({
  kind: 'driver',
  statement,
  quote,
  speaker,
  confidence: 'quoted',
  constraintCategory: null,
  cue: null,
});

describe('recap extraction with an LLM (mock OpenAI server)', () => {
  let t: TestApp;
  let llm: OpenAIMockServer;
  beforeEach(async () => {
    llm = await startOpenAIMockServer();
    t = await startTestApp({ clock: () => NOW, openai: { baseURL: llm.baseURL } });
    await linkDeal(t);
  });
  afterEach(async () => {
    await t.close();
    await llm.close();
  });

  const threadText = async () => {
    const parent = await waitForRecapThread(t);
    return JSON.stringify(threadOf(t, parent).map((m) => m.blocks));
  };

  it('posts the LLM proposals, with quotes that were not said and statements the text does not support removed', async () => {
    llm.reply(
      chatCompletion(
        JSON.stringify({
          entries: [
            proposal(
              'Cross-border shipments cost three days',
              'We lose three days on every cross-border shipment and our customers complain.',
              'Dana',
            ),
            proposal('They love our product', 'we love your product', 'Dana'),
          ],
          decisions: [{ title: 'Choose the pilot region', ownerName: 'Dana', dueDate: '2026-12-15' }],
        }),
      ),
    );
    const view = await openRecapModal(t);
    await t.driver.submitView(view.id, recapValues());
    const text = await threadText();
    expect(text).toContain('Proposals suggested by the LLM');
    expect(text).toContain('Cross-border shipments cost three days');
    expect(text).not.toContain('They love our product');
    expect(text).not.toContain('we love your product');
    expect(text).toContain('Choose the pilot region');
    const request = llm.requests[0]!.body;
    expect(request.response_format.json_schema.name).toBe('recap_extraction');
    expect(request.messages[1].content).toContain('Dana: We lose three days');
  });

  it('falls back to the offline extractor when the LLM fails, and still posts the recap', async () => {
    // No scripted reply: the mock answers 500 to every call (and the one retry).
    const view = await openRecapModal(t);
    await t.driver.submitView(view.id, recapValues());
    const text = await threadText();
    expect(text).toMatch(
      /The LLM extraction failed \(server_error: .*\), so the offline extractor proposed these/,
    );
    expect(text).toContain('no new spend before the March freeze');
    expect(llm.requests.length).toBeGreaterThanOrEqual(1);
  });

  it('reads a transcript file shared in the channel with the bot token', async () => {
    llm.replyWith(() => ({ body: chatCompletion(JSON.stringify({ entries: [], decisions: [] })) }));
    const fileId = shareFileInDealChannel(t, 'discovery.vtt', TRANSCRIPT.length);
    const fetched: Array<{ url: string; auth: string | undefined }> = [];
    t.app.deps.fetchFile = async (url, init) => {
      fetched.push({ url, auth: init.headers.Authorization });
      return new Response(TRANSCRIPT);
    };
    const view = await openRecapModal(t);
    expect(JSON.stringify(view.definition)).toContain('discovery.vtt');
    await t.driver.submitView(
      view.id,
      recapValues({ [`${RECAP_IDS.transcriptPart}1`]: null, [RECAP_IDS.file]: fileId }),
    );
    await waitFor('the private figures from the file', () =>
      t.emulator.state.ephemeralsFor(t.ids.rep).find((e) => e.text.includes('we talked 50.8%')),
    );
    expect(fetched).toHaveLength(1);
    expect(fetched[0]!.url).toContain(fileId);
    expect(fetched[0]!.auth).toMatch(/^Bearer xoxb-/);
    const meeting = await t.repos.meetings.getById(t.ids.team, 1);
    expect(meeting?.transcript).toBe(TRANSCRIPT);
  });
});
