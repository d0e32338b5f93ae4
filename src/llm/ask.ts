import type OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import { answerFromEntries, entryLine } from '../domain/ask/answer.js';
import type { DealAnswer, DealFacts } from '../domain/ask/types.js';
import { toDraftProviderError } from './errors.js';
import { createFallbackClient } from './openai-client.js';
import { buildAskPrompt } from './prompts/ask.js';
import { DraftProviderError } from './provider.js';
import { parsedReply, requestStructured } from './structured-call.js';

/** Answers a question about a deal from its entries only. */
export interface DealAsker {
  readonly name: 'offline' | 'openai+offline';
  answer(question: string, facts: DealFacts, signal?: AbortSignal): Promise<DealAnswer>;
}

export const llmAskAnswerSchema = z.object({
  answered: z.boolean().describe('True only when the deal data answers the question.'),
  answer: z.string().max(1_500).describe('1 to 4 short plain sentences.'),
  cited_entry_ids: z.array(z.number().int()).describe('Ids of the entries the answer rests on.'),
  question_to_ask: z
    .string()
    .max(400)
    .nullable()
    .describe('An open question to ask the customer when the answer is missing or partial, else null.'),
});
export type LlmAskAnswer = z.infer<typeof llmAskAnswerSchema>;

export const offlineAsker: DealAsker = {
  name: 'offline',
  async answer(question, facts) {
    return answerFromEntries(question, facts);
  },
};

/**
 * Checks the model's reply against the deal: every cited id must be one of the deal's live entries sent in the
 * prompt, and an answer that claims to answer must cite at least one. Throws on a reply that fails the check.
 */
export function checkedAnswer(
  question: string,
  reply: LlmAskAnswer,
  facts: DealFacts,
  sentIds: readonly number[],
): DealAnswer {
  const sent = new Set(sentIds);
  const unknown = reply.cited_entry_ids.filter((id) => !sent.has(id));
  if (unknown.length > 0)
    throw new DraftProviderError('invalid_output', `the reply cited unknown entries ${unknown.join(', ')}`);
  const cited = [...new Set(reply.cited_entry_ids)]
    .map((id) => facts.entries.find((e) => e.id === id))
    .filter((e) => e !== undefined);
  if (reply.answered && cited.length === 0)
    throw new DraftProviderError('invalid_output', 'the reply answered without citing an entry');
  return {
    found: reply.answered,
    heading: reply.answered ? 'From the deal entries' : 'Not in the entries yet',
    text: reply.answer.trim() || null,
    lines: cited.map((e) => entryLine(e, facts.stakeholders)),
    // Always a next deepening question: the model's, else the offline one for this deal.
    suggestedQuestion: reply.question_to_ask?.trim() || answerFromEntries(question, facts).suggestedQuestion,
    source: 'openai',
    fallbackReason: null,
  };
}

export interface AskerConfig {
  apiKey: string;
  baseURL?: string | undefined;
  model: string;
  timeoutMs?: number;
}

/**
 * OpenAI (or any compatible server) answering from the deal's entries, checked against them; on any failure
 * (HTTP, timeout, refusal, schema, citation check) the offline keyword answer, with the reason recorded.
 * Answers are interactive, so the SDK retries once at most and the timeout is short.
 */
export function createDealAsker(
  config: AskerConfig | null,
  onFallback?: (reason: string) => void,
  client?: OpenAI,
): DealAsker {
  if (!config) return offlineAsker;
  const openai =
    client ?? createFallbackClient({ ...config, timeoutMs: Math.min(config.timeoutMs ?? 15_000, 15_000) });
  const responseFormat = zodResponseFormat(llmAskAnswerSchema, 'deal_answer');
  return {
    name: 'openai+offline',
    async answer(question, facts, signal) {
      try {
        const prompt = buildAskPrompt(question, facts);
        const completion = await requestStructured(openai, {
          model: config.model,
          system: prompt.system,
          user: prompt.user,
          responseFormat,
          maxCompletionTokens: 600,
          signal,
        });
        const { parsed } = parsedReply(completion, {
          refusal: 'the model refused to answer',
          noContent: 'no structured content',
        });
        return checkedAnswer(question, parsed, facts, prompt.entryIds);
      } catch (err) {
        const failure = toDraftProviderError(err);
        const reason = `${failure.reason}: ${failure.message}`;
        onFallback?.(reason);
        return { ...answerFromEntries(question, facts), fallbackReason: reason };
      }
    },
  };
}
