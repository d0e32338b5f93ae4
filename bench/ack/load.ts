import http from 'node:http';
import { slackSignatureHeaders } from '../../src/sandbox/signing.js';

export interface LoadOptions {
  /** The app's /slack/events URL. */
  url: string;
  signingSecret: string;
  /** Where the app's respond() goes (a sink in the bench process). */
  responseUrlBase: string;
  requests: number;
  concurrency: number;
  /**
   * Keep-alive connections to reuse (kept open from the warm-up through every round, as Slack keeps its
   * connections to an app open). Without one, each run opens `concurrency` new connections at once.
   */
  agent?: http.Agent;
}

export interface LoadResult {
  latenciesMs: number[];
  errors: number;
  wallMs: number;
}

let sequence = 0;

/** A `/vision help` slash command as Slack sends it: form-encoded, signed, with its own trigger and response URL. */
function commandBody(responseUrlBase: string): string {
  const n = ++sequence;
  return new URLSearchParams({
    token: 'bench-verification-token',
    team_id: 'T0BENCH',
    team_domain: 'bench',
    channel_id: `C${String(n % 1000).padStart(8, '0')}`,
    channel_name: 'deal-bench',
    user_id: `U${String(n % 200).padStart(8, '0')}`,
    user_name: 'rep',
    command: '/vision',
    text: 'help',
    api_app_id: 'A0BENCH',
    is_enterprise_install: 'false',
    response_url: `${responseUrlBase}/response-url/${n}`,
    trigger_id: `${n}.1.bench${n}`,
  }).toString();
}

function send(agent: http.Agent, url: URL, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          ...headers,
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) resolve(performance.now() - started);
          else reject(new Error(`HTTP ${res.statusCode}`));
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A pool of at most `concurrency` keep-alive connections to one app. */
export function connections(concurrency: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: concurrency });
}

/**
 * `requests` signed commands, `concurrency` at a time (a new one starts as soon as one answers). The latency is
 * from sending the request to the end of the app's HTTP response, i.e. what Slack waits for: the ack.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const agent = options.agent ?? connections(options.concurrency);
  const prepared = Array.from({ length: options.requests }, () => {
    const body = commandBody(options.responseUrlBase);
    return { body, headers: slackSignatureHeaders(options.signingSecret, body) };
  });
  const latenciesMs: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < prepared.length) {
      const request = prepared[next++]!;
      try {
        latenciesMs.push(await send(agent, url, request.body, request.headers));
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const wallMs = performance.now() - started;
  if (!options.agent) agent.destroy();
  return { latenciesMs, errors, wallMs };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export interface LatencySummary {
  p50: number;
  p99: number;
  max: number;
  errors: number;
}

export function summarize(result: LoadResult): LatencySummary {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    errors: result.errors,
  };
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
