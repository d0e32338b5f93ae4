/**
 * bench/ack.ts: how fast this app acks slash commands under load, next to a bare Bolt 5 app (bench/ack/bare-bolt.ts)
 * on the same machine in the same run. 1,000 signed `/vision help` at 200 concurrent, after a warm-up; three
 * rounds, alternating which app goes first; medians of the rounds. Also reports this app's idle RSS after start
 * and its peak RSS under the load. `BENCH_CPU_PROF=<dir>` writes a V8 CPU profile of each app (node --cpu-prof).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createSlackEmulator, randomCredentials } from '../src/sandbox/slack-emulator.js';
import { type LatencySummary, median, runLoad, summarize } from './ack/load.js';
import { rssMb, sampleRss } from './ack/rss.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ACK_REQUESTS = 1_000;
export const ACK_CONCURRENCY = 200;
const WARMUP_REQUESTS = 300;
const ROUNDS = 3;

interface Target {
  name: 'app' | 'bare';
  url: string;
  child: ChildProcess;
}

async function startTarget(
  name: Target['name'],
  file: string,
  env: Record<string, string>,
  cpuProfDir: string | undefined,
): Promise<Target> {
  const flags = cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', path.join(cpuProfDir, name)] : [];
  const child = spawn(process.execPath, ['--import', 'tsx', ...flags, path.join(here, 'ack', file)], {
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
  return { name, url, child };
}

function stopTarget(target: Target): Promise<void> {
  return new Promise((resolve) => {
    if (target.child.exitCode !== null) return resolve();
    target.child.once('exit', () => resolve());
    target.child.kill('SIGTERM');
  });
}

export interface AckSide {
  rounds: LatencySummary[];
  median: LatencySummary;
}

export interface AckResult {
  app: AckSide;
  bare: AckSide;
  ratioP50: number;
  ratioP99: number;
  /** Slowest ack of this app over all rounds. */
  appWorstMs: number;
  idleRssMb: { app: number; bare: number };
  loadRssMb: { app: number; bare: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function benchAck(): Promise<AckResult> {
  const { signingSecret, botToken } = randomCredentials();
  const emulator = createSlackEmulator({ signingSecret, botToken });
  // One local server: Slack's Web API (emulator) for auth.test and the like, and a sink for response_url posts.
  const sink = http.createServer((req, res) => {
    if (req.url?.startsWith('/response-url/')) {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
      return;
    }
    emulator.handle(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
  emulator.setBaseUrl(base);
  const env = {
    BENCH_SIGNING_SECRET: signingSecret,
    BENCH_BOT_TOKEN: botToken,
    BENCH_API_URL: `${base}/api/`,
  };
  const cpuProf = process.env.BENCH_CPU_PROF;
  const targets = [
    await startTarget('app', 'app-target.ts', env, cpuProf),
    await startTarget('bare', 'bare-bolt.ts', env, cpuProf),
  ];
  try {
    await sleep(2_000);
    const idle = Object.fromEntries(
      targets.map((t) => [t.name, rssMb(t.child.pid!)]),
    ) as AckResult['idleRssMb'];
    const load = (t: Target, requests: number) =>
      runLoad({ url: t.url, signingSecret, responseUrlBase: base, requests, concurrency: ACK_CONCURRENCY });
    for (const t of targets) await load(t, WARMUP_REQUESTS);
    const rounds: Record<Target['name'], LatencySummary[]> = { app: [], bare: [] };
    const peak = { app: 0, bare: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      for (const t of order) {
        await sleep(500);
        const sampler = sampleRss(t.child.pid!, 50);
        const result = await load(t, ACK_REQUESTS);
        peak[t.name] = Math.max(peak[t.name], sampler.stop());
        rounds[t.name].push(summarize(result));
      }
    }
    const side = (name: Target['name']): AckSide => ({
      rounds: rounds[name],
      median: {
        p50: median(rounds[name].map((r) => r.p50)),
        p99: median(rounds[name].map((r) => r.p99)),
        max: median(rounds[name].map((r) => r.max)),
        errors: rounds[name].reduce((sum, r) => sum + r.errors, 0),
      },
    });
    const app = side('app');
    const bare = side('bare');
    return {
      app,
      bare,
      ratioP50: app.median.p50 / bare.median.p50,
      ratioP99: app.median.p99 / bare.median.p99,
      appWorstMs: Math.max(...app.rounds.map((r) => r.max)),
      idleRssMb: idle,
      loadRssMb: peak,
    };
  } finally {
    await Promise.all(targets.map(stopTarget));
    await new Promise<void>((resolve) => sink.close(() => resolve()));
  }
}

const ms = (n: number) => `${n.toFixed(0).padStart(5)} ms`;

export function formatAck(result: AckResult): string {
  const row = (label: string, s: LatencySummary) =>
    `  ${label.padEnd(22)} p50 ${ms(s.p50)}  p99 ${ms(s.p99)}  max ${ms(s.max)}  errors ${s.errors}`;
  return [
    `\n== ack: ${ACK_REQUESTS.toLocaleString('en')} signed /vision help at ${ACK_CONCURRENCY} concurrent, median of ${ROUNDS} rounds`,
    ...result.app.rounds.map((r, i) => row(`shared-vision round ${i + 1}`, r)),
    ...result.bare.rounds.map((r, i) => row(`bare Bolt round ${i + 1}`, r)),
    row('shared-vision (median)', result.app.median),
    row('bare Bolt (median)', result.bare.median),
    `  ratio app / bare Bolt   p50 ${result.ratioP50.toFixed(2)}x  p99 ${result.ratioP99.toFixed(2)}x  (goal <= 1.10x)`,
    `  slowest ack of the app  ${ms(result.appWorstMs)}  (goal < 1,000 ms)`,
    `  RSS idle after start    app ${result.idleRssMb.app.toFixed(0)} MB, bare Bolt ${result.idleRssMb.bare.toFixed(0)} MB  (goal <= 120 MB)`,
    `  RSS peak under load     app ${result.loadRssMb.app.toFixed(0)} MB, bare Bolt ${result.loadRssMb.bare.toFixed(0)} MB`,
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
