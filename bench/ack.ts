/**
 * bench/ack.ts: how fast this app acks slash commands under load, next to a bare Bolt 5 app (bench/ack/bare-bolt.mjs)
 * in the same run. 1,000 signed `/vision help` at 200 concurrent over 200 keep-alive connections, after a 3,000-request
 * warm-up; nine rounds, alternating which app goes first; medians of the rounds. Then one run per app on 200 new
 * connections opened at once, reported apart. Each app, and the Slack side (emulator + response_url sink), runs in its
 * own process so the load generator's clock is not slowed by their work. The app runs from dist/ under plain node,
 * as `npm start` runs it in production. Also reports each app's CPU time per
 * request (steadier than latency on a busy machine), its RSS 5 s after start and when idle (20 s after start), and
 * its peak RSS under load.
 * `BENCH_CPU_PROF=<dir>` writes a V8 CPU profile of each app (node --cpu-prof).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { randomCredentials } from '../src/sandbox/slack-emulator.js';
import { buildSubcommands } from '../src/slack/listeners/commands/subcommands/index.js';
import { helpBlocks } from '../src/slack/views/help.js';
import { connections, type LatencySummary, median, runLoad, summarize } from './ack/load.js';
import { cpuMs, rssMb, sampleRss } from './ack/rss.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ACK_REQUESTS = 1_000;
export const ACK_CONCURRENCY = 200;
// V8 is still optimising the request path after a few hundred requests (CPU per request fell by half between
// rounds with 300); 3,000 reach the steady state of both apps.
const WARMUP_REQUESTS = 3_000;
const ROUNDS = 9;
// RSS is read 5 s after start and again 20 s after start: V8 shrinks an idle heap (its memory reducer runs a few
// seconds after allocation stops), and the start-up work (migrations, module loading) leaves a grown heap before.
const STARTED_MS = 5_000;
const IDLE_MS = 20_000;

interface Child {
  name: string;
  url: string;
  child: ChildProcess;
}

async function startChild(name: string, file: string, env: Record<string, string>, flags: string[] = []) {
  // The two apps under test are plain .mjs under plain node (the app from dist/, as `npm start` runs it);
  // only the Slack side, which is not measured, runs TypeScript through tsx.
  const loader = file.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...loader, ...flags, path.join(here, 'ack', file)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before listening`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
  });
  child.stdout!.resume();
  return { name, url, child } satisfies Child;
}

function stopChild({ child }: Child): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export interface AckRound extends LatencySummary {
  cpuMsPerRequest: number;
}

export interface AckSide {
  rounds: AckRound[];
  median: AckRound;
  /** RSS 5 s after start. */
  startedRssMb: number;
  /** RSS 20 s after start, idle all along. */
  idleRssMb: number;
  loadRssMb: number;
  /** One run on 200 new connections opened at once (not in the ratios). */
  freshConnections: LatencySummary;
}

export interface AckResult {
  app: AckSide;
  bare: AckSide;
  ratioP50: number;
  ratioP99: number;
  ratioCpu: number;
  /** Slowest ack of this app over all rounds. */
  appWorstMs: number;
}

/** The app is measured as `npm start` runs it: build dist/ first when it is missing or older than src/. */
function ensureBuilt(): void {
  const built = spawnSync(process.execPath, [path.join(here, '..', 'scripts', 'ensure-build.mjs')], {
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('npm run build failed');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function benchAck(): Promise<AckResult> {
  const { signingSecret, botToken } = randomCredentials();
  const secrets = { BENCH_SIGNING_SECRET: signingSecret, BENCH_BOT_TOKEN: botToken, BENCH_API_URL: 'unused' };
  ensureBuilt();
  const slack = await startChild('slack', 'sink.ts', secrets);
  const env = { ...secrets, BENCH_API_URL: `${slack.url}/api/` };
  const profile = (name: string) =>
    process.env.BENCH_CPU_PROF
      ? ['--cpu-prof', '--cpu-prof-dir', path.join(process.env.BENCH_CPU_PROF, name)]
      : [];
  const apps: Child[] = [];
  try {
    apps.push(await startChild('app', 'app-target.mjs', env, profile('app')));
    const response = JSON.stringify(helpBlocks(buildSubcommands()));
    apps.push(
      await startChild('bare', 'bare-bolt.mjs', { ...env, BENCH_RESPONSE: response }, profile('bare')),
    );
    await sleep(STARTED_MS);
    const started = new Map(apps.map((t) => [t.name, rssMb(t.child.pid!)]));
    await sleep(IDLE_MS - STARTED_MS);
    const idle = new Map(apps.map((t) => [t.name, rssMb(t.child.pid!)]));
    // Each app keeps its connections from the warm-up on, as Slack keeps its connections open: 200 new
    // connections opened in the same millisecond leave a few waiting up to a second to be accepted (for both apps
    // alike, before either app sees the request), which is measured on its own below.
    const pools = new Map(apps.map((t) => [t.name, connections(ACK_CONCURRENCY)]));
    const load = (t: Child, requests: number, fresh = false) =>
      runLoad({
        url: t.url,
        signingSecret,
        responseUrlBase: slack.url,
        requests,
        concurrency: ACK_CONCURRENCY,
        ...(fresh ? {} : { agent: pools.get(t.name)! }),
      });
    for (const t of apps) await load(t, WARMUP_REQUESTS);
    const rounds = new Map<string, AckRound[]>(apps.map((t) => [t.name, []]));
    const peak = new Map(apps.map((t) => [t.name, 0]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const t of round % 2 === 0 ? apps : [...apps].reverse()) {
        await sleep(500);
        await load(t, ACK_CONCURRENCY); // one request per connection, so none was closed as idle meanwhile
        const sampler = sampleRss(t.child.pid!, 50);
        const cpuBefore = cpuMs(t.child.pid!);
        const result = await load(t, ACK_REQUESTS);
        await sleep(300); // let the respond() calls after the acks finish: their CPU belongs to this round
        const cpu = cpuMs(t.child.pid!) - cpuBefore;
        peak.set(t.name, Math.max(peak.get(t.name)!, sampler.stop()));
        rounds.get(t.name)!.push({ ...summarize(result), cpuMsPerRequest: cpu / ACK_REQUESTS });
      }
    }
    // The same load once more on new connections, all opened at once: reported, not part of the ratios.
    const fresh = new Map<string, LatencySummary>();
    for (const t of apps) {
      await sleep(500);
      fresh.set(t.name, summarize(await load(t, ACK_REQUESTS, true)));
    }
    for (const pool of pools.values()) pool.destroy();
    const side = (name: string): AckSide => {
      const list = rounds.get(name)!;
      return {
        rounds: list,
        median: {
          p50: median(list.map((r) => r.p50)),
          p99: median(list.map((r) => r.p99)),
          max: median(list.map((r) => r.max)),
          errors: list.reduce((sum, r) => sum + r.errors, 0),
          cpuMsPerRequest: median(list.map((r) => r.cpuMsPerRequest)),
        },
        startedRssMb: started.get(name)!,
        idleRssMb: idle.get(name)!,
        loadRssMb: peak.get(name)!,
        freshConnections: fresh.get(name)!,
      };
    };
    const app = side('app');
    const bare = side('bare');
    return {
      app,
      bare,
      ratioP50: app.median.p50 / bare.median.p50,
      ratioP99: app.median.p99 / bare.median.p99,
      ratioCpu: app.median.cpuMsPerRequest / bare.median.cpuMsPerRequest,
      appWorstMs: Math.max(...app.rounds.map((r) => r.max)),
    };
  } finally {
    await Promise.all([...apps, slack].map(stopChild));
  }
}

const ms = (n: number) => `${n.toFixed(0).padStart(5)} ms`;

export function formatAck(result: AckResult): string {
  const row = (label: string, s: AckRound) =>
    `  ${label.padEnd(24)} p50 ${ms(s.p50)}  p99 ${ms(s.p99)}  max ${ms(s.max)}  CPU ${s.cpuMsPerRequest.toFixed(2)} ms/req  errors ${s.errors}`;
  return [
    `\n== ack: ${ACK_REQUESTS.toLocaleString('en')} signed /vision help at ${ACK_CONCURRENCY} concurrent, median of ${ROUNDS} rounds after ${WARMUP_REQUESTS.toLocaleString('en')} to warm up`,
    ...result.app.rounds.map((r, i) => row(`shared-vision round ${i + 1}`, r)),
    ...result.bare.rounds.map((r, i) => row(`bare Bolt round ${i + 1}`, r)),
    row('shared-vision (median)', result.app.median),
    row('bare Bolt (median)', result.bare.median),
    `  ratio app / bare Bolt     p50 ${result.ratioP50.toFixed(2)}x  p99 ${result.ratioP99.toFixed(2)}x  CPU/request ${result.ratioCpu.toFixed(2)}x  (goal <= 1.10x)`,
    `  slowest ack of the app    ${ms(result.appWorstMs)}  (goal < 1,000 ms)`,
    `  on ${ACK_CONCURRENCY} new connections at once: app p50 ${ms(result.app.freshConnections.p50)} p99 ${ms(result.app.freshConnections.p99)} max ${ms(result.app.freshConnections.max)}; bare Bolt p50 ${ms(result.bare.freshConnections.p50)} p99 ${ms(result.bare.freshConnections.p99)} max ${ms(result.bare.freshConnections.max)}`,
    `  RSS 5 s after start       app ${result.app.startedRssMb.toFixed(0)} MB, bare Bolt ${result.bare.startedRssMb.toFixed(0)} MB`,
    `  RSS idle, 20 s after start app ${result.app.idleRssMb.toFixed(0)} MB, bare Bolt ${result.bare.idleRssMb.toFixed(0)} MB  (goal <= 120 MB)`,
    `  RSS peak under load       app ${result.app.loadRssMb.toFixed(0)} MB, bare Bolt ${result.bare.loadRssMb.toFixed(0)} MB`,
    '',
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchAck().then(
    (result) => process.stdout.write(formatAck(result)),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
