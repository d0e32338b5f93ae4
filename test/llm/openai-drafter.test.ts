import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectCitations, draftResultSchema } from '../../src/domain/drafts/draft.js';
import type { DraftInput } from '../../src/domain/drafts/input.js';
import { renderMarkdown } from '../../src/domain/drafts/render-markdown.js';
import { createDraftProvider, type DraftProviderConfig } from '../../src/llm/create-provider.js';
import type { DraftResult } from '../../src/llm/provider.js';
import { harborDeal, nordfreight } from '../domain/drafts/deal-fixtures.js';
import {
  chatCompletion,
  errorBody,
  type OpenAIMockServer,
  startOpenAIMockServer,
} from '../support/openai-mock-server.js';
import { readVendorJson } from '../support/vendor-fixtures.js';
import { harborReply, validNordfreightReply } from './draft-replies.js';

const fixture = (path: string): unknown => readVendorJson('openai', path);

let server: OpenAIMockServer;
beforeEach(async () => {
  server = await startOpenAIMockServer();
});
afterEach(async () => {
  await server.close();
});

const config = (extra: Partial<DraftProviderConfig> = {}): DraftProviderConfig => ({
  apiKey: 'sk-test',
  baseURL: server.baseURL,
  model: 'gpt-test',
  timeoutMs: 2_000,
  maxRetries: 0,
  ...extra,
});

/** Runs a draft and checks the invariants every path must keep: a valid draft, and no entry lost or changed. */
async function draftWith(cfg: DraftProviderConfig, input: DraftInput = nordfreight()): Promise<DraftResult> {
  const before = structuredClone(input.entries);
  const result = await createDraftProvider(cfg).draft(input);
  expect(draftResultSchema.parse(result)).toEqual(result);
  expect(input.entries).toEqual(before);
  if (result.meta.provider === 'offline') {
    const cited = collectCitations(result.content);
    for (const e of input.entries.filter((x) => !x.archived)) expect(cited).toContain(e.id);
  }
  return result;
}

describe('OpenAI drafter against a local OpenAI-compatible server', () => {
  it('drafts from a valid structured reply, checks citations and records usage', async () => {
    server.reply(
      chatCompletion(JSON.stringify(validNordfreightReply()), {
        usage: { prompt_tokens: 1234, completion_tokens: 321 },
      }),
    );
    const result = await draftWith(config());
    expect(result.meta).toMatchObject({
      provider: 'openai',
      model: 'mock-model',
      promptTokens: 1234,
      completionTokens: 321,
      usageEstimated: false,
      leftOut: 0,
      fallbackReason: null,
    });
    expect(result.meta.latencyMs).toBeGreaterThanOrEqual(0);
    expect(result.content.today[0]).toMatchObject({ speaker: 'Dana Lee, VP Operations', ourWords: false });
    expect(result.content.drivers[1]).toMatchObject({ entryIds: [3], ourWords: true });
    // the vision point passing our proposal off as their driver is refused; so is a perspective not yet earned
    expect(result.content.vision.map((v) => v.entryIds)).toEqual([[2, 5, 6]]);
    expect(result.content.vision[0]?.text).toBe(
      'Because you told us #2, and you will judge it by #5, while #6 holds, we see cross-border shipments on time, at the 95% the board watches; a first step that respects #6: a scoping that needs no new spend before March.',
    );
    expect(result.content.perspective).toEqual([]);
    expect(result.meta.citationProblems).toEqual([
      'proposal_as_customer in vision [#1, #5]',
      'perspective_not_earned in perspective [#1, #2]',
    ]);
    expect(result.content.listeningCheck.map((i) => i.kind)).toContain('silent_stakeholder');

    expect(server.requests).toHaveLength(1);
    const sent = server.requests[0]!;
    expect(sent.path).toBe('/v1/chat/completions');
    expect(sent.headers.authorization).toBe('Bearer sk-test');
    expect(sent.body.model).toBe('gpt-test');
    expect(sent.body.max_completion_tokens).toBe(4_000);
    expect(sent.body.response_format.type).toBe('json_schema');
    expect(sent.body.response_format.json_schema).toMatchObject({
      name: 'shared_vision_draft',
      strict: true,
    });
    expect(sent.body.messages.map((m: { role: string }) => m.role)).toEqual(['system', 'user']);
  });

  it('issue-14 deal: reasoning kept, earned perspective kept, a proposal as driver and the internal fear refused', async () => {
    server.reply(chatCompletion(JSON.stringify(harborReply())));
    const input = harborDeal();
    const result = await draftWith(config(), input);
    expect(result.meta.provider).toBe('openai');
    const user = (server.requests[0]!.body.messages as { content: string }[])[1]!.content;
    expect(user).toContain('Our perspective is earned');
    expect(user).not.toContain('blame');
    expect(user).not.toContain('"id":41');

    expect(result.content.vision).toHaveLength(1);
    expect(result.content.vision[0]?.reasoning).toEqual({
      future: 'shipments that arrive on time, and penalties you no longer pay',
      driverIds: [32, 33],
      successIds: [36],
      respectIds: [38],
      firstStep: 'map the three worst lanes together, at no cost, before March',
    });
    expect(result.content.perspective?.map((p) => p.entryIds)).toEqual([[42, 32]]);
    expect(result.content.constraints.map((c) => c.entryIds)).toEqual([[38]]);
    expect(result.meta.citationProblems).toEqual([
      'internal_only in constraints [#41]',
      'proposal_as_customer in vision [#31, #36]',
    ]);

    const md = renderMarkdown({ ...input, draft: result });
    expect(md).toContain(
      '1. Because you told us [1] and [2], and you will judge it by [3], while [4] holds, we see shipments that arrive on time, and penalties you no longer pay; a first step that respects [4]: map the three worst lanes together, at no cost, before March.',
    );
    expect(md).toContain('## What we have seen elsewhere');
    expect(md).not.toContain('blame');
    for (const e of input.entries.filter((x) => x.quote && !x.internalOnly))
      expect(md.split(e.quote!).length - 1).toBeLessThanOrEqual(1);
  });

  it('estimates usage when a compatible server sends none', async () => {
    server.reply(chatCompletion(JSON.stringify(validNordfreightReply()), { usage: null }));
    const result = await draftWith(config());
    expect(result.meta.usageEstimated).toBe(true);
    expect(result.meta.promptTokens).toBeGreaterThan(100);
    expect(result.meta.completionTokens).toBeGreaterThan(10);
  });

  it.each([
    ['chat-completions/openai-python/parse_pydantic_model_refusal.json', 'refusal'],
    ['chat-completions/openai-python/parse_max_tokens_reached.json', 'length'],
    ['chat-completions/openai-python/parse_pydantic_model.json', 'invalid_output'],
    ['chat-completions/openai-node/zod_deserialises_response_format.json', 'invalid_output'],
    ['chat-completions/openai-openapi/createChatCompletion.default.json', 'invalid_output'],
  ])('falls back to the offline draft on the recorded reply %s (%s)', async (path, reason) => {
    server.reply(fixture(path));
    const result = await draftWith(config());
    expect(result.meta.provider).toBe('offline');
    expect(result.meta.fallbackReason).toMatch(new RegExp(`^${reason}:`));
    expect(server.requests).toHaveLength(1);
  });

  it('falls back when no statement of the reply cites a known entry', async () => {
    const reply = validNordfreightReply();
    for (const key of ['today', 'drivers', 'success_factors', 'constraints'] as const) {
      for (const s of reply[key]) s.entry_ids = [9_999];
    }
    for (const v of reply.vision) v.driver_ids = [9_999];
    server.reply(chatCompletion(JSON.stringify(reply)));
    const result = await draftWith(config());
    expect(result.meta.fallbackReason).toMatch(/^no_verified_statements:/);
  });

  it('falls back without retrying on a 400 (recorded error body)', async () => {
    server.replyStatus(400, fixture('errors/vercel-ai/unsupported_parameter.max_tokens.chat.json'));
    const result = await draftWith(config({ maxRetries: 2 }));
    expect(result.meta.fallbackReason).toBe('http_error: request failed: HTTP 400 (unsupported_parameter)');
    expect(server.requests).toHaveLength(1);
  });

  // Error bodies below are written by us, following errors/openai-openapi/ErrorResponse.schema.json.
  const rateLimited = errorBody('rate_limit_exceeded', 'Rate limit reached for requests', 'requests');
  const serverError = errorBody(
    null,
    'The server had an error while processing your request.',
    'server_error',
  );

  it('retries a 429 with backoff and succeeds when the server recovers', async () => {
    server.replyStatus(429, rateLimited, { 'retry-after-ms': '20' });
    server.reply(chatCompletion(JSON.stringify(validNordfreightReply())));
    const result = await draftWith(config({ maxRetries: 2 }));
    expect(result.meta.provider).toBe('openai');
    expect(server.requests).toHaveLength(2);
  });

  it('retries a 429 up to maxRetries, then falls back offline', async () => {
    for (let i = 0; i < 3; i++) server.replyStatus(429, rateLimited, { 'retry-after-ms': '10' });
    const result = await draftWith(config({ maxRetries: 2 }));
    expect(server.requests).toHaveLength(3);
    expect(result.meta.fallbackReason).toBe('rate_limited: rate limited: HTTP 429 (rate_limit_exceeded)');
  });

  it('retries a 500 with exponential backoff (no retry-after), then falls back offline', async () => {
    server.replyStatus(500, serverError).replyStatus(500, serverError);
    const started = Date.now();
    const result = await draftWith(config({ maxRetries: 1 }));
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300); // the SDK waited before retrying
    expect(result.meta.fallbackReason).toBe('server_error: server error: HTTP 500');
  });

  it('treats insufficient_quota (recorded, HTTP 429) as a fallback case', async () => {
    for (let i = 0; i < 2; i++) {
      server.replyStatus(429, fixture('errors/vercel-ai/insufficient_quota.json'), {
        'retry-after-ms': '10',
      });
    }
    const result = await draftWith(config({ maxRetries: 1 }));
    expect(result.meta.fallbackReason).toBe('rate_limited: rate limited: HTTP 429 (insufficient_quota)');
  });

  it('times out a slow server and falls back offline', async () => {
    server.reply(chatCompletion(JSON.stringify(validNordfreightReply())), { delayMs: 1_500 });
    const started = Date.now();
    const result = await draftWith(config({ timeoutMs: 200 }));
    expect(Date.now() - started).toBeLessThan(1_400);
    expect(result.meta.fallbackReason).toBe('timeout: request timed out');
  });

  it('falls back when the server cannot be reached', async () => {
    await server.close();
    const result = await draftWith(config());
    expect(result.meta.fallbackReason).toBe('connection: could not reach the server');
    server = await startOpenAIMockServer();
  });

  it('drafts offline without any network when no key is set', async () => {
    const result = await draftWith({ apiKey: null, baseURL: server.baseURL });
    expect(result.meta).toMatchObject({ provider: 'offline', fallbackReason: null });
    expect(server.requests).toHaveLength(0);
  });
});
