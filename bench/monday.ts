/**
 * bench/monday.ts: the weekly nudge run for 1,000 deal channels, 3,000 decisions (1,500 stalled) and 200 owners,
 * against the Slack emulator (own process) with a fake model that answers each next step in 800 ms. Reports the
 * time to the first post, the total, model calls in flight, the posting pace and this process's RSS over the run.
 *
 * Production spaces posts 1,100 ms apart (one run posts in many channels back to back), which makes 1,200 posts
 * a 22-minute run; the bench uses BENCH_POST_GAP_MS (default 100) so it finishes in about two minutes, and
 * BENCH_MODEL_CONCURRENCY (default 16, the app's default is 8) so the model keeps up with that faster pace.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import webApi from '@slack/web-api';
import type { NextStepWriter } from '../src/llm/nudge-writer.js';
import { createLogger } from '../src/logger.js';
import { DEMO_IDS } from '../src/sandbox/seed.js';
import { randomCredentials } from '../src/sandbox/slack-emulator.js';
import { runWeeklyNudges } from '../src/scheduling/run-weekly-nudges.js';
import { connect } from '../src/storage/connect.js';
import { openStorage } from '../src/storage/index.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { channelId, ownerId } from './monday/ids.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CHANNELS = 1_000;
export const DECISIONS = 3_000;
export const STALLED = 1_500;
export const OWNERS = 200;
const MODEL_MS = 800;
const TEAM = DEMO_IDS.team;
// A Monday after 09:00 in every zone (the last is UTC-12 at 21:00 UTC): every owner is due and the run finishes.
const NOW = new Date('2026-12-07T21:05:00Z');
const DAY = 86_400_000;

async function seed(file: string): Promise<void> {
  const { db } = connect({ engine: 'sqlite', file });
  try {
    await migrateToLatest(db, 'sqlite');
    const iso = (d: Date) => d.toISOString();
    const deals = Array.from({ length: CHANNELS }, (_, i) => ({
      team_id: TEAM,
      channel_id: channelId(i),
      account_name: `Account ${i}`,
      deal_name: 'Rollout',
      stage: 'proposal',
      owner_user_id: ownerId(i),
      crm_url: null,
      stall_days: null,
      nudges_muted: 0,
      archived: 0,
      created_at: iso(NOW),
      updated_at: iso(NOW),
    }));
    for (let i = 0; i < deals.length; i += 500)
      await db
        .insertInto('deals')
        .values(deals.slice(i, i + 500))
        .execute();
    const ids = await db.selectFrom('deals').select(['id', 'channel_id']).orderBy('id').execute();
    // Three decisions per deal; even deals have two stalled, odd deals one: 1,500 stalled in all 1,000 channels.
    const rows = ids.flatMap((deal, i) =>
      [0, 1, 2].map((k) => {
        const stalled = k < (i % 2 === 0 ? 2 : 1);
        return {
          team_id: TEAM,
          deal_id: deal.id,
          title: `Decision ${i}.${k}`,
          customer_owner_id: null,
          our_owner_user_id: ownerId(i + k),
          due_date: null,
          status: 'open',
          outcome: null,
          snoozed_until: null,
          last_activity_at: iso(new Date(NOW.getTime() - (stalled ? 12 : 1) * DAY)),
          related_entry_ids: '[]',
          thread_ts: null,
          created_by: ownerId(i),
          created_at: iso(NOW),
          updated_at: iso(NOW),
        };
      }),
    );
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto('decisions')
        .values(rows.slice(i, i + 500))
        .execute();
  } finally {
    await db.destroy();
  }
}

async function startSlack(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'monday', 'slack.ts')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
  });
  child.stdout!.resume();
  return { url, child };
}

/** The fake model: every next step takes 800 ms; counts calls in flight. */
function slowWriter() {
  const stats = { calls: 0, inFlight: 0, mostInFlight: 0, lastDoneAt: 0 };
  const writer: NextStepWriter = {
    name: 'openai',
    async write(request) {
      stats.calls++;
      stats.inFlight++;
      stats.mostInFlight = Math.max(stats.mostInFlight, stats.inFlight);
      await new Promise((resolve) => setTimeout(resolve, MODEL_MS));
      stats.inFlight--;
      stats.lastDoneAt = performance.now();
      return { ...request.template, text: `Ask what changed about ${request.decisionTitle}.`, source: 'llm' };
    },
  };
  return { writer, stats };
}

export interface MondayResult {
  postGapMs: number;
  modelConcurrency: number;
  sent: number;
  firstPostMs: number;
  totalMs: number;
  /** Posts x gap: the fastest the pacing allows. */
  floorMs: number;
  modelCalls: number;
  mostModelInFlight: number;
  lastModelCallMs: number;
  postsPerSecond: number;
  rssMb: { start: number; peak: number; end: number; samples: number[] };
}

export async function benchMonday(): Promise<MondayResult> {
  const postGapMs = Number(process.env.BENCH_POST_GAP_MS ?? 100);
  const modelConcurrency = Number(process.env.BENCH_MODEL_CONCURRENCY ?? 16);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sv-bench-monday-'));
  const file = path.join(dir, 'monday.sqlite');
  const { signingSecret, botToken } = randomCredentials();
  const slack = await startSlack({
    BENCH_SIGNING_SECRET: signingSecret,
    BENCH_BOT_TOKEN: botToken,
    BENCH_API_URL: 'unused',
    BENCH_CHANNELS: String(CHANNELS),
    BENCH_OWNERS: String(OWNERS),
  });
  const storage = await (async () => {
    await seed(file);
    return openStorage({ engine: 'sqlite', file }, { clock: () => NOW });
  })();
  try {
    const posts: number[] = [];
    let started = 0;
    const timedFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (String(input).endsWith('/chat.postMessage')) posts.push(performance.now() - started);
      return response;
    };
    const client = new webApi.WebClient(botToken, { slackApiUrl: `${slack.url}/api/`, fetch: timedFetch });
    const { writer, stats } = slowWriter();
    const rss = () => process.memoryUsage().rss / 1_048_576;
    const samples: number[] = [];
    global.gc?.();
    const rssStart = rss();
    const sampler = setInterval(() => samples.push(rss()), 1_000);
    started = performance.now();
    const [report] = await runWeeklyNudges({
      now: NOW,
      teamId: TEAM,
      client,
      deps: {
        repos: storage.repos,
        logger: createLogger('warn'),
        clock: () => NOW,
        nextStepWriter: writer,
        postGapMs,
        modelConcurrency,
      },
    });
    const totalMs = performance.now() - started;
    clearInterval(sampler);
    if (report?.status !== 'done') throw new Error(`run ended ${JSON.stringify(report)}`);
    const sent = report.sent;
    return {
      postGapMs,
      modelConcurrency,
      sent,
      firstPostMs: posts[0] ?? Number.NaN,
      totalMs,
      floorMs: sent * postGapMs,
      modelCalls: stats.calls,
      mostModelInFlight: stats.mostInFlight,
      lastModelCallMs: stats.lastDoneAt - started,
      postsPerSecond: (posts.length - 1) / (((posts.at(-1) ?? 0) - (posts[0] ?? 0)) / 1000),
      rssMb: { start: rssStart, peak: Math.max(rssStart, ...samples), end: rss(), samples },
    };
  } finally {
    await storage.close();
    await new Promise<void>((resolve) => {
      slack.child.once('exit', () => resolve());
      slack.child.kill('SIGTERM');
    });
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function formatMonday(r: MondayResult): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const every = Math.max(1, Math.ceil(r.rssMb.samples.length / 12));
  const trace = r.rssMb.samples.filter((_, i) => i % every === 0).map((mb) => mb.toFixed(0));
  return [
    `\n== monday: ${CHANNELS.toLocaleString('en')} deal channels, ${DECISIONS.toLocaleString('en')} decisions (${STALLED.toLocaleString('en')} stalled), ${OWNERS} owners, model ${MODEL_MS} ms`,
    `  post gap ${r.postGapMs} ms (production 1,100 ms), model calls in flight at most ${r.modelConcurrency}`,
    `  messages posted           ${r.sent} (channel nudges + owner digests)`,
    `  time to first post        ${s(r.firstPostMs)}  (goal <= 5 s)`,
    `  total                     ${s(r.totalMs)}; pacing floor ${s(r.floorMs)} (${r.sent} x ${r.postGapMs} ms): ${(r.totalMs / r.floorMs).toFixed(2)}x  (goal <= 1.10x)`,
    `  model                     ${r.modelCalls} calls, at most ${r.mostModelInFlight} in flight, last answered at ${s(r.lastModelCallMs)}`,
    `  posting pace              ${r.postsPerSecond.toFixed(1)} posts/s (gap allows ${(1000 / r.postGapMs).toFixed(1)})`,
    `  RSS of the run            start ${r.rssMb.start.toFixed(0)} MB, peak ${r.rssMb.peak.toFixed(0)} MB, end ${r.rssMb.end.toFixed(0)} MB; every ~${every} s: ${trace.join(' ')}`,
    '',
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchMonday().then(
    (result) => process.stdout.write(formatMonday(result)),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
