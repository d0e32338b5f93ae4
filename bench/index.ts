/**
 * `npm run bench`: the listening classifier's per-message latency over the labelled corpus, then the weekly nudge sweep over 10,000 deals and 50,000 decisions, on SQLite and (when
 * BENCH_DATABASE_URL or TEST_DATABASE_URL is set) PostgreSQL. Prints the median of 7 runs and the query plan.
 * A benchmark, not a timed test: numbers depend on the machine.
 */
import { benchClassifier } from './classifier.js';
import { type BenchResult, benchPostgres, benchSqlite, DEALS, DECISIONS } from './nudge-sweep.js';

const fmt = (t: BenchResult['query']) =>
  `median ${t.medianMs.toFixed(1)} ms (min ${t.minMs.toFixed(1)}, max ${t.maxMs.toFixed(1)})`;

function print(result: BenchResult): void {
  process.stdout.write(
    [
      `\n== ${result.engine}: ${DEALS.toLocaleString('en')} deals, ${DECISIONS.toLocaleString('en')} decisions`,
      `candidates for team T0BENCH: ${result.candidates} decisions in ${result.stalledDeals} deals`,
      `sweep query:                       ${fmt(result.query)}`,
      `sweepStalled (query + deals fetch): ${fmt(result.sweep)}`,
      'plan:',
      ...result.plan.split('\n').map((line) => `  ${line}`),
      '',
    ].join('\n'),
  );
}

async function main(): Promise<void> {
  const c = benchClassifier();
  process.stdout.write(
    `\n== listening classifier: ${c.messages} messages x ${c.runs} runs (model + analyser load ${c.loadMs.toFixed(0)} ms)\n` +
      `per message, wall: p50 ${c.p50Ms.toFixed(2)} ms, p99 ${c.p99Ms.toFixed(2)} ms, max ${c.maxMs.toFixed(2)} ms\n` +
      `per message, CPU:  p50 ${c.cpuP50Ms.toFixed(2)} ms, p99 ${c.cpuP99Ms.toFixed(2)} ms ` +
      `(load average ${c.loadAverage.toFixed(1)}: wall time includes waiting for a core)\n`,
  );
  print(await benchSqlite());
  // A dev tool outside the app: reads its own database URL, like test/support/databases.ts.
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) print(await benchPostgres(url));
  else process.stdout.write('\n(PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL)\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
