/**
 * What bench/ack.ts passes to each process it starts (a bench tool, outside the app's own config). Plain
 * JavaScript: the measured targets run under plain node; TypeScript callers get the types from target-env.d.mts.
 */
export function readTargetEnv() {
  const { BENCH_SIGNING_SECRET, BENCH_BOT_TOKEN, BENCH_API_URL } = process.env;
  if (!BENCH_SIGNING_SECRET || !BENCH_BOT_TOKEN || !BENCH_API_URL)
    throw new Error('BENCH_SIGNING_SECRET, BENCH_BOT_TOKEN and BENCH_API_URL are required');
  return { signingSecret: BENCH_SIGNING_SECRET, botToken: BENCH_BOT_TOKEN, apiUrl: BENCH_API_URL };
}
