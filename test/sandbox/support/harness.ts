import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import webApi from '@slack/web-api';
import { createSlackEmulator, type SlackEmulator } from '../../../src/sandbox/index.js';

const { WebClient } = webApi;

export const SECRET = 'test-signing-secret';
export const TOKEN = 'xoxb-test-token';

export type BoltApp = App;

/** A fake clock the tests move by hand (milliseconds). */
export function manualClock(start = Date.UTC(2025, 0, 15, 12, 0, 0)) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

/** The emulator on its own server, plus a real WebClient pointed at it. */
export async function startEmulator(options: { clock?: () => number } = {}) {
  const emulator = createSlackEmulator({ signingSecret: SECRET, botToken: TOKEN, clock: options.clock });
  const server = await emulator.listen(0);
  const client = new WebClient(TOKEN, {
    slackApiUrl: emulator.apiUrl,
    retryConfig: { retries: 2, minTimeout: 10 },
  });
  return { emulator, server, client, close: () => server.close() };
}

export interface Harness {
  emulator: SlackEmulator;
  app: BoltApp;
  url: string;
  close(): Promise<void>;
}

/**
 * A real Bolt app (HTTPReceiver) and the emulator mounted in ONE Node server on 127.0.0.1:0,
 * the way the app's local mode runs. `register` adds the listeners under test.
 */
export async function startBoltHarness(
  register: (app: BoltApp) => void,
  options: { clock?: () => number } = {},
): Promise<Harness> {
  const emulator = createSlackEmulator({ signingSecret: SECRET, botToken: TOKEN, clock: options.clock });
  const receiver = new HTTPReceiver({
    signingSecret: SECRET,
    endpoints: '/slack/events',
    processBeforeResponse: true,
    logLevel: LogLevel.ERROR,
  });
  const server = http.createServer(async (req, res) => {
    if (await emulator.handle(req, res)) return;
    receiver.requestListener(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  emulator.setBaseUrl(url);
  emulator.setAppUrl(`${url}/slack/events`);
  const app = new App({
    token: TOKEN,
    receiver,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: emulator.apiUrl, retryConfig: { retries: 0 } },
  });
  register(app);
  return {
    emulator,
    app,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
