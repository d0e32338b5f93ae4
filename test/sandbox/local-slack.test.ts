import http from 'node:http';
import type { AddressInfo } from 'node:net';
import webApi from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalSlack, DEMO_IDS } from '../../src/sandbox/index.js';

const { WebClient } = webApi;

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

describe('createLocalSlack', () => {
  it('mounts in another server, with per-run credentials and its base URL taken from connect()', async () => {
    const local = await createLocalSlack({ clock: () => new Date() });
    const other = await createLocalSlack();
    expect(local.botToken).toMatch(/^xoxb-/);
    expect(local.signingSecret).not.toBe(other.signingSecret);
    server = http.createServer(async (req, res) => {
      if (await local.handle(req, res)) return;
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    local.connect(`${origin}/slack/events`);
    expect(local.emulator.apiUrl).toBe(`${origin}/api/`);
    const client = new WebClient(local.botToken, { slackApiUrl: local.emulator.apiUrl });
    const res = await client.chat.postMessage({ channel: DEMO_IDS.dealAcme, text: 'mounted' });
    expect(res.ok).toBe(true);
    expect(local.emulator.state.messages(DEMO_IDS.dealAcme).map((m) => m.text)).toEqual(['mounted']);
    expect((await fetch(`${origin}/healthz`)).status).toBe(404);
  });
});
