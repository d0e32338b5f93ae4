/**
 * For bench/ack.ts, in its own process so its work does not slow the load generator's clock: the Slack Web API
 * (the emulator, for auth.test) and a sink that answers every response_url post. Prints `{"url": ...}`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSlackEmulator } from '../../src/sandbox/slack-emulator.js';
import { readTargetEnv } from './target-env.mjs';

const { signingSecret, botToken } = readTargetEnv();
const emulator = createSlackEmulator({ signingSecret, botToken });
const server = http.createServer((req, res) => {
  if (req.url?.startsWith('/response-url/')) {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
    return;
  }
  emulator.handle(req, res).then((handled) => {
    if (!handled) res.writeHead(404).end();
  });
});
server.listen(0, '127.0.0.1', () => {
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  emulator.setBaseUrl(url);
  process.stdout.write(`${JSON.stringify({ url })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
