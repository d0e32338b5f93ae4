import { draftOffline } from '../domain/drafts/offline-drafter.js';
import { toDraftProviderError } from './errors.js';
import type { DraftInput, DraftProvider, DraftResult } from './provider.js';

export interface FallbackEvent {
  reason: string;
  detail: string;
  latencyMs: number;
}

/** The offline drafter as a provider: no network, never fails. */
export const offlineProvider: DraftProvider = {
  name: 'offline',
  async draft(input: DraftInput): Promise<DraftResult> {
    return draftOffline(input);
  },
};

/**
 * Tries the primary provider; on any failure returns the offline draft with the reason recorded
 * (`fallbackReason`, e.g. "rate_limited: rate limited: HTTP 429 (rate_limit_exceeded)"). Never throws for
 * a provider failure: the app always gets a draft.
 */
export function withOfflineFallback(
  primary: DraftProvider,
  onFallback?: (event: FallbackEvent) => void,
  now: () => number = () => performance.now(),
): DraftProvider {
  return {
    name: 'openai+offline',
    async draft(input: DraftInput, signal?: AbortSignal): Promise<DraftResult> {
      const started = now();
      try {
        return await primary.draft(input, signal);
      } catch (err) {
        const failure = toDraftProviderError(err);
        const latencyMs = Math.round(now() - started);
        onFallback?.({ reason: failure.reason, detail: failure.message, latencyMs });
        const result = draftOffline(input, `${failure.reason}: ${failure.message}`);
        return { ...result, meta: { ...result.meta, latencyMs } };
      }
    },
  };
}
