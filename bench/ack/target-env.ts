/** What bench/ack.ts passes to each app it starts (a bench tool, outside the app's own config). */
export interface TargetEnv {
  signingSecret: string;
  botToken: string;
  apiUrl: string;
}

export function readTargetEnv(): TargetEnv {
  const { BENCH_SIGNING_SECRET, BENCH_BOT_TOKEN, BENCH_API_URL } = process.env;
  if (!BENCH_SIGNING_SECRET || !BENCH_BOT_TOKEN || !BENCH_API_URL)
    throw new Error('BENCH_SIGNING_SECRET, BENCH_BOT_TOKEN and BENCH_API_URL are required');
  return { signingSecret: BENCH_SIGNING_SECRET, botToken: BENCH_BOT_TOKEN, apiUrl: BENCH_API_URL };
}
