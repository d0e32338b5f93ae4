/**
 * The baseline for bench/ack.ts: a bare Bolt 5 app with one /vision listener that acks and responds, on Bolt's
 * own HTTP receiver. It responds with the same message our `/vision help` sends (BENCH_RESPONSE, built by the
 * bench), so the two differ only in what runs around it. Plain JavaScript under plain node, like the app's
 * target. Started as a child process; prints `{"url": ...}`.
 */
import bolt from '@slack/bolt';
import { readTargetEnv } from './target-env.mjs';

const { App, HTTPReceiver, LogLevel } = bolt;
const env = readTargetEnv();
const message = JSON.parse(process.env.BENCH_RESPONSE ?? '{"text":"help"}');
const receiver = new HTTPReceiver({ signingSecret: env.signingSecret, endpoints: '/slack/events' });
const app = new App({
  token: env.botToken,
  receiver,
  logLevel: LogLevel.WARN,
  clientOptions: { slackApiUrl: env.apiUrl },
});
app.command('/vision', async ({ ack, respond }) => {
  await ack();
  await respond({ response_type: 'ephemeral', ...message });
});
const server = await app.start({ port: 0, host: '127.0.0.1' });
const { port } = server.address();
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}/slack/events` })}\n`);
process.on('SIGTERM', () => {
  app.stop().finally(() => process.exit(0));
});
