import type OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import {
  type CandidateDraft,
  checkCitations,
  describeProblem,
  factCount,
} from '../domain/drafts/citations.js';
import { gapQuestions } from '../domain/drafts/gaps.js';
import { listeningCheck } from '../domain/drafts/listening-check.js';
import { learnFirst } from '../domain/drafts/perspective.js';
import { mergeQuestions } from '../domain/drafts/questions.js';
import { hashRefs, reasoningSentence } from '../domain/drafts/reasoning-text.js';
import { buildDraftPrompt, PROMPT_TOKEN_BUDGET } from './budget.js';
import { type DraftInput, type DraftProvider, DraftProviderError, type DraftResult } from './provider.js';
import { type LlmDraft, llmDraftSchema } from './schemas/draft.js';
import { parsedReply, requestStructured } from './structured-call.js';
import { readUsage } from './usage.js';

export interface OpenAIDrafterOptions {
  client: OpenAI;
  model: string;
  maxCompletionTokens?: number | null;
  promptBudget?: number;
  /** Clock for latency; injectable for tests. */
  now?: () => number;
}

const statements = (items: LlmDraft['today']) =>
  items.map((s) => ({ text: s.text, entryIds: s.entry_ids, quote: s.quote }));

export function candidateFromLlm(reply: LlmDraft): CandidateDraft {
  return {
    today: statements(reply.today),
    drivers: statements(reply.drivers),
    successFactors: statements(reply.success_factors),
    constraints: statements(reply.constraints),
    vision: reply.vision.map((v) => {
      const reasoning = {
        future: v.future,
        driverIds: v.driver_ids,
        successIds: v.success_ids,
        respectIds: v.respect_ids,
        firstStep: v.first_step,
      };
      return { text: reasoningSentence(reasoning, hashRefs), entryIds: [], quote: null, reasoning };
    }),
    perspective: statements(reply.perspective),
    questions: reply.questions.map((q) => ({ text: q.text, spin: q.spin, entryIds: q.entry_ids })),
  };
}

/**
 * Drafts with Chat Completions structured output. Throws DraftProviderError on any failure (HTTP error after
 * the SDK's retries, timeout, refusal, length, a reply that fails the schema, or nothing left after the
 * citation check); the fallback wrapper turns that into an offline draft.
 */
export function createOpenAIDrafter(options: OpenAIDrafterOptions): DraftProvider {
  const now = options.now ?? (() => performance.now());
  const responseFormat = zodResponseFormat(llmDraftSchema, 'shared_vision_draft');
  return {
    name: 'openai',
    async draft(input: DraftInput, signal?: AbortSignal): Promise<DraftResult> {
      const prompt = buildDraftPrompt(input, options.promptBudget ?? PROMPT_TOKEN_BUDGET);
      const started = now();
      const completion = await requestStructured(options.client, {
        model: options.model,
        system: prompt.system,
        user: prompt.user,
        responseFormat,
        maxCompletionTokens: options.maxCompletionTokens,
        signal,
      });
      const latencyMs = Math.round(now() - started);
      const { choice, parsed } = parsedReply(completion, {
        refusal: 'the model refused to draft',
        noContent: 'the reply had no structured content',
      });

      const candidate = candidateFromLlm(parsed);
      candidate.questions = mergeQuestions(
        candidate.questions,
        gapQuestions(input.entries, input.stakeholders),
      );
      const checked = checkCitations(
        candidate,
        input.entries,
        input.stakeholders,
        listeningCheck(input.entries, input.stakeholders),
      );
      checked.content.learnFirst = learnFirst(input.entries);
      const hasCustomerEntries = input.entries.some(
        (e) => !e.archived && !e.internalOnly && e.kind !== 'proposal',
      );
      if (hasCustomerEntries && factCount(checked.content) === 0) {
        throw new DraftProviderError(
          'no_verified_statements',
          'no statement of the reply cited a known entry',
        );
      }
      const usage = readUsage(completion.usage, prompt.promptTokens, choice.message.content);
      return {
        content: checked.content,
        unverified: checked.unverified,
        meta: {
          provider: 'openai',
          model: completion.model || options.model,
          promptTokens: usage.promptTokens,
          completionTokens: usage.completionTokens,
          usageEstimated: usage.estimated,
          latencyMs,
          leftOut: prompt.leftOut,
          fallbackReason: null,
          citationProblems: checked.problems.map(describeProblem),
        },
      };
    },
  };
}
