import type { OpenAiConfig } from '../config/config.js';
import { createDraftProvider } from '../llm/create-provider.js';
import type { DraftProvider } from '../llm/provider.js';
import type { AppLogger } from '../logger.js';

/** Retries on 429/5xx/connection errors (with the SDK's backoff) before falling back to the offline drafter. */
export const DRAFT_MAX_RETRIES = 2;

/**
 * The drafter the app uses: OpenAI or any compatible server (OPENAI_BASE_URL, OPENAI_MODEL) with the offline
 * drafter as fallback when a key is set; the offline drafter alone when it is not (config.openai null).
 * Fallbacks are logged with their reason only: no key, no prompt, no customer text.
 */
export function draftingFromConfig(openai: OpenAiConfig | null, logger: AppLogger): DraftProvider {
  const log = logger.child('drafting');
  if (!openai) {
    log.info('drafting offline: OPENAI_API_KEY is not set');
    return createDraftProvider({ apiKey: null });
  }
  const provider = createDraftProvider(
    {
      apiKey: openai.apiKey,
      baseURL: openai.baseURL ?? null,
      model: openai.model,
      timeoutMs: openai.timeoutMs,
      maxRetries: DRAFT_MAX_RETRIES,
      ...(openai.fetch ? { fetch: openai.fetch } : {}),
    },
    (event) =>
      log.warn(
        `LLM draft failed after ${event.latencyMs} ms (${event.reason}: ${event.detail}); used the offline drafter`,
      ),
  );
  log.info(`drafting with model ${openai.model}${openai.baseURL ? ' at a custom OPENAI_BASE_URL' : ''}`);
  return provider;
}
