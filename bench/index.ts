/**
 * `npm run bench`: hostile-input figures (bench/hostile-input.ts), then the weekly nudge sweep over 10,000 deals and 50,000 decisions, on SQLite and (when
 * BENCH_DATABASE_URL or TEST_DATABASE_URL is set) PostgreSQL. Prints the median of 7 runs and the query plan.
 * A benchmark, not a timed test: numbers depend on the machine.
 */
import { benchHostileInput } from './hostile-input.js';
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
  process.stdout.write(await benchHostileInput());
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
