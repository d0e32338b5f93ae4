import type { AppMetrics } from './metrics.js';

type Fetch = typeof globalThis.fetch;

const usageSchema = (body: unknown): { prompt: number; completion: number } | null => {
  if (typeof body !== 'object' || body === null || !('usage' in body)) return null;
  const usage = (body as { usage: unknown }).usage;
  if (typeof usage !== 'object' || usage === null) return null;
  const { prompt_tokens: prompt, completion_tokens: completion } = usage as Record<string, unknown>;
  return typeof prompt === 'number' && typeof completion === 'number' ? { prompt, completion } : null;
};

/**
 * The model client's fetch, counted: calls by outcome, their duration, and the tokens the server reports in JSON
 * replies. Every feature's OpenAI client (draft, recap, nudge, ask) goes through it.
 */
export function observedModelFetch(metrics: AppMetrics, base: Fetch = globalThis.fetch): Fetch {
  return async (input, init) => {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    let response: Response;
    try {
      response = await base(input, init);
    } catch (error) {
      metrics.modelCalls.inc({ outcome: 'network_error' });
      metrics.modelSeconds.observe({ outcome: 'network_error' }, seconds());
      throw error;
    }
    const outcome = response.ok ? 'ok' : `http_${response.status}`;
    metrics.modelCalls.inc({ outcome });
    metrics.modelSeconds.observe({ outcome }, seconds());
    if (response.ok && response.headers.get('content-type')?.includes('application/json')) {
      response
        .clone()
        .json()
        .then((body: unknown) => {
          const usage = usageSchema(body);
          if (!usage) return;
          metrics.modelTokens.inc({ kind: 'prompt' }, usage.prompt);
          metrics.modelTokens.inc({ kind: 'completion' }, usage.completion);
        })
        .catch(() => undefined);
    }
    return response;
  };
}
