import type { ServerResponse } from 'node:http';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { pathOf, type RouteHandler } from './server.js';

/** How a Slack request ended for its listener: acked in time, acked after 3 s, or the listener threw. */
export type AckOutcome = 'ok' | 'late' | 'error';

/** The app's Prometheus metrics, one registry per running app (tests start several in one process). */
export interface AppMetrics {
  registry: Registry;
  acks: Counter<'listener' | 'outcome'>;
  ackSeconds: Histogram<'listener'>;
  modelCalls: Counter<'outcome'>;
  modelSeconds: Histogram<'outcome'>;
  modelTokens: Counter<'kind'>;
  modelFallbacks: Counter<'feature' | 'reason'>;
  nudges: Counter<'outcome'>;
  dbErrors: Counter<'source'>;
}

export function createMetrics(): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'shared_vision_' });
  const registers = [registry];
  return {
    registry,
    acks: new Counter({
      name: 'shared_vision_slack_acks_total',
      help: 'Slack requests acknowledged, by listener and outcome (ok, late: after 3 s, error: listener threw)',
      labelNames: ['listener', 'outcome'],
      registers,
    }),
    ackSeconds: new Histogram({
      name: 'shared_vision_slack_ack_seconds',
      help: 'Time from receiving a Slack request to acknowledging it',
      labelNames: ['listener'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
      registers,
    }),
    modelCalls: new Counter({
      name: 'shared_vision_model_calls_total',
      help: 'HTTP calls to the model server, by outcome (ok, http_<status>, network_error)',
      labelNames: ['outcome'],
      registers,
    }),
    modelSeconds: new Histogram({
      name: 'shared_vision_model_call_seconds',
      help: 'Duration of one HTTP call to the model server',
      labelNames: ['outcome'],
      buckets: [0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120],
      registers,
    }),
    modelTokens: new Counter({
      name: 'shared_vision_model_tokens_total',
      help: 'Tokens the model server reported using, by kind (prompt, completion)',
      labelNames: ['kind'],
      registers,
    }),
    modelFallbacks: new Counter({
      name: 'shared_vision_model_fallbacks_total',
      help: 'Times a feature fell back to its offline path, by feature (draft, recap, nudge, ask) and reason',
      labelNames: ['feature', 'reason'],
      registers,
    }),
    nudges: new Counter({
      name: 'shared_vision_nudges_total',
      help: 'Weekly nudge messages, by outcome (sent, failed)',
      labelNames: ['outcome'],
      registers,
    }),
    dbErrors: new Counter({
      name: 'shared_vision_db_errors_total',
      help: 'Database errors, by source (query, ping)',
      labelNames: ['source'],
      registers,
    }),
  };
}

/** The leading word of a fallback reason ("invalid_output: …" -> "invalid_output"): a bounded label value. */
export function reasonLabel(reason: string): string {
  const word = /^[a-z_]{1,40}/.exec(reason)?.[0];
  return word ?? 'other';
}

/** GET /metrics in the Prometheus text format. */
export function metricsRoute(metrics: AppMetrics): RouteHandler {
  const answer = async (res: ServerResponse) => {
    const body = await metrics.registry.metrics();
    res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body);
    return true;
  };
  return (req, res) => req.method === 'GET' && pathOf(req.url) === '/metrics' && answer(res);
}

/** The drafter, with its offline fallbacks counted (the draft itself is unchanged). */
export function countDraftFallbacks<
  Name,
  Args extends unknown[],
  Result extends { meta: { fallbackReason: string | null } },
>(
  provider: { readonly name: Name; draft(...args: Args): Promise<Result> },
  metrics: AppMetrics,
): { readonly name: Name; draft(...args: Args): Promise<Result> } {
  return {
    name: provider.name,
    async draft(...args) {
      const result = await provider.draft(...args);
      if (result.meta.fallbackReason) {
        metrics.modelFallbacks.inc({ feature: 'draft', reason: reasonLabel(result.meta.fallbackReason) });
      }
      return result;
    },
  };
}
