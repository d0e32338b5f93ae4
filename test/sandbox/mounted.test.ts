import http from 'node:http';
import type { AddressInfo } from 'node:net';
import webApi from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackEmulator, DEMO_IDS, randomCredentials } from '../../src/sandbox/index.js';

const { WebClient } = webApi;

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

describe('emulator mounted in another server', () => {
  it('answers only its own paths; apiUrl follows setBaseUrl; random credentials differ per run', async () => {
    const credentials = randomCredentials();
    expect(credentials.botToken).toMatch(/^xoxb-/);
    expect(randomCredentials().signingSecret).not.toBe(credentials.signingSecret);
    const emulator = createSlackEmulator(credentials);
    server = http.createServer(async (req, res) => {
      if (await emulator.handle(req, res)) return;
      res.writeHead(418).end();
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    emulator.setBaseUrl(origin);
    emulator.setAppUrl(`${origin}/slack/events`);
    expect(emulator.apiUrl).toBe(`${origin}/api/`);
    const client = new WebClient(credentials.botToken, { slackApiUrl: emulator.apiUrl });
    const res = await client.chat.postMessage({ channel: DEMO_IDS.dealAcme, text: 'mounted' });
    expect(res.ok).toBe(true);
    expect(emulator.state.messages(DEMO_IDS.dealAcme).map((m) => m.text)).toEqual(['mounted']);
    expect((await fetch(`${origin}/healthz`)).status).toBe(418);
  });
});

describe('waitFor', () => {
  it('resolves once a later change satisfies the condition, and times out otherwise', async () => {
    const { state } = createSlackEmulator(randomCredentials());
    const waiting = state.waitFor(() => state.messages(DEMO_IDS.dealAcme).find((m) => m.text === 'later'));
    setTimeout(() => {
      state.addMessage({ channel: DEMO_IDS.dealAcme, ts: state.nextTs(), text: 'later', reactions: [] });
    }, 20);
    expect((await waiting).text).toBe('later');
    await expect(state.waitFor(() => state.messages(DEMO_IDS.general).length > 0, 50)).rejects.toThrow(
      /50 ms/,
    );
  });
});
