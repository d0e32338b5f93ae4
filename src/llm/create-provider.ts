import { z } from 'zod';
import { type FallbackEvent, offlineProvider, withOfflineFallback } from './fallback.js';
import { createOpenAIClient, fetchSchema, openAIConfigSchema } from './openai-client.js';
import { createOpenAIDrafter } from './openai-drafter.js';
import type { DraftProvider } from './provider.js';

export const draftProviderConfigSchema = z.object({
  /** No key: the offline drafter only. */
  apiKey: z.string().nullable().default(null),
  baseURL: z.string().url().nullable().default(null),
  model: z.string().min(1).default('gpt-4o-mini'),
  timeoutMs: z.number().int().positive().default(30_000),
  maxRetries: z.number().int().min(0).max(10).default(2),
  maxCompletionTokens: z.number().int().positive().nullable().default(4_000),
  promptBudget: z.number().int().positive().optional(),
  fetch: fetchSchema.optional(),
});
export type DraftProviderConfig = z.input<typeof draftProviderConfigSchema>;

/**
 * OpenAI (or any compatible server) with the offline drafter as fallback when a key is set; the offline
 * drafter alone otherwise. Config comes from src/config (this never reads process.env).
 */
export function createDraftProvider(
  config: DraftProviderConfig,
  onFallback?: (event: FallbackEvent) => void,
): DraftProvider {
  const c = draftProviderConfigSchema.parse(config);
  if (!c.apiKey) return offlineProvider;
  const openai = openAIConfigSchema.parse({ ...c, apiKey: c.apiKey });
  const client = createOpenAIClient(openai);
  const drafter = createOpenAIDrafter({
    client,
    model: openai.model,
    maxCompletionTokens: openai.maxCompletionTokens,
    ...(c.promptBudget ? { promptBudget: c.promptBudget } : {}),
  });
  return withOfflineFallback(drafter, onFallback);
}
