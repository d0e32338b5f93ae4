import type { OpenAiConfig } from '../config/config.js';
import type { DealAnswer, DealFacts } from '../domain/ask/types.js';
import type { Deal } from '../domain/deals.js';
import { createDealAsker, type DealAsker, offlineAsker } from '../llm/ask.js';
import type { AppLogger } from '../logger.js';
import type { Repositories } from '../storage/ports.js';

/** Longest question passed on; Slack messages can be long, questions should not be. */
export const ASK_QUESTION_MAX = 500;

export async function dealFacts(repos: Repositories, deal: Deal): Promise<DealFacts> {
  const [entries, decisions, stakeholders] = await Promise.all([
    repos.entries.listByDeal(deal.teamId, deal.id),
    repos.decisions.listByDeal(deal.teamId, deal.id),
    repos.stakeholders.listByDeal(deal.teamId, deal.id),
  ]);
  return { accountName: deal.accountName, entries, decisions, stakeholders };
}

/** Answers a question about a deal from its own entries (LLM when configured, else offline keywords). */
export async function askDeal(
  deps: { repos: Repositories; asker?: DealAsker | undefined },
  deal: Deal,
  question: string,
): Promise<DealAnswer> {
  const facts = await dealFacts(deps.repos, deal);
  return (deps.asker ?? offlineAsker).answer(question.slice(0, ASK_QUESTION_MAX), facts);
}

/** The asker the app uses: the configured OpenAI-compatible model with offline fallback, or offline only. */
export function askerFromConfig(openai: OpenAiConfig | null, logger: AppLogger): DealAsker {
  if (!openai) return offlineAsker;
  return createDealAsker(
    {
      apiKey: openai.apiKey,
      baseURL: openai.baseURL,
      model: openai.model,
      timeoutMs: openai.timeoutMs,
      ...(openai.fetch ? { fetch: openai.fetch } : {}),
    },
    (reason) => logger.warn(`ask the deal: LLM answer not used (${reason}); answered offline`),
  );
}
