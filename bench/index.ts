/**
 * `npm run bench`: every benchmark, one after another, each printing its figures and ratios.
 *   hostile - /healthz p99 while the worst 200,000-character input is processed; bytes read from a 400 MB host
 *   classifier - the listening classifier's per-message latency over the labelled corpus (wall and CPU)
 *   ack     - this app vs a bare Bolt 5 app, 1,000 signed /vision help at 200 concurrent (+ RSS idle/under load)
 *   monday  - the weekly nudge run: 1,000 channels, 1,500 stalled decisions, model at 800 ms
 *   recap   - a 60-minute transcript: offline analysis, LLM chunks one at a time vs in parallel
 *   sweep   - the nudge sweep query over 10,000 deals / 50,000 decisions (SQLite, and PostgreSQL when
 *             BENCH_DATABASE_URL or TEST_DATABASE_URL is set)
 * `npm run bench -- ack recap` runs only those. Numbers depend on the machine; compare the ratios of one run.
 */
import os from 'node:os';
import { benchAck, formatAck } from './ack.js';
import { benchClassifier } from './classifier.js';
import { benchHostileInput } from './hostile-input.js';
import { benchMonday, formatMonday } from './monday.js';
import { type BenchResult, benchPostgres, benchSqlite, DEALS, DECISIONS } from './nudge-sweep.js';
import { benchRecap, formatRecap } from './recap.js';

const fmt = (t: BenchResult['query']) =>
  `median ${t.medianMs.toFixed(1)} ms (min ${t.minMs.toFixed(1)}, max ${t.maxMs.toFixed(1)})`;

function print(result: BenchResult): void {
  process.stdout.write(
    [
      `\n== sweep on ${result.engine}: ${DEALS.toLocaleString('en')} deals, ${DECISIONS.toLocaleString('en')} decisions`,
      `candidates for team T0BENCH: ${result.candidates} decisions in ${result.stalledDeals} deals`,
      `sweep query:                       ${fmt(result.query)}`,
      `sweepStalled (query + deals fetch): ${fmt(result.sweep)}`,
      'plan:',
      ...result.plan.split('\n').map((line) => `  ${line}`),
      '',
    ].join('\n'),
  );
}

async function sweep(): Promise<void> {
  print(await benchSqlite());
  // A dev tool outside the app: reads its own database URL, like test/support/databases.ts.
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) print(await benchPostgres(url));
  else process.stdout.write('\n(PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL)\n');
}

async function classifier(): Promise<void> {
  const c = benchClassifier();
  process.stdout.write(
    `\n== listening classifier: ${c.messages} messages x ${c.runs} runs (model + analyser load ${c.loadMs.toFixed(0)} ms)\n` +
      `per message, wall: p50 ${c.p50Ms.toFixed(2)} ms, p99 ${c.p99Ms.toFixed(2)} ms, max ${c.maxMs.toFixed(2)} ms\n` +
      `per message, CPU:  p50 ${c.cpuP50Ms.toFixed(2)} ms, p99 ${c.cpuP99Ms.toFixed(2)} ms ` +
      `(load average ${c.loadAverage.toFixed(1)}: wall time includes waiting for a core)\n`,
  );
}

const BENCHES: Record<string, () => Promise<void>> = {
  classifier,
  hostile: async () => {
    process.stdout.write(await benchHostileInput());
  },
  ack: async () => {
    process.stdout.write(formatAck(await benchAck()));
  },
  monday: async () => {
    process.stdout.write(formatMonday(await benchMonday()));
  },
  recap: async () => {
    process.stdout.write(formatRecap(await benchRecap()));
  },
  sweep,
};

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !(name in BENCHES));
  if (unknown.length > 0)
    throw new Error(`unknown bench ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  const [load1] = os.loadavg();
  process.stdout.write(
    `${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, load average ${load1?.toFixed(1)} at start\n`,
  );
  for (const name of asked.length > 0 ? asked : Object.keys(BENCHES)) await BENCHES[name]!();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
