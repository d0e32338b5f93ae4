import webApi from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/sandbox/index.js';
import { startEmulator, TOKEN } from './support/harness.js';

const { WebClient, WebClientEvent } = webApi;

let env: Awaited<ReturnType<typeof startEmulator>>;
beforeEach(async () => {
  env = await startEmulator();
});
afterEach(() => env.close());

const post = (text: string) =>
  fetch(`${env.emulator.apiUrl}chat.postMessage`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ channel: DEMO_IDS.dealAcme, text }),
  });

describe('failNext', () => {
  it('answers 429 with Retry-After once, then normally', async () => {
    env.emulator.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    const limited = await post('a');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(await limited.json()).toEqual({ ok: false, error: 'ratelimited' });
    const next = await post('b');
    expect(next.status).toBe(200);
    expect(env.emulator.state.messages(DEMO_IDS.dealAcme).map((m) => m.text)).toEqual(['b']);
  });

  it('answers 500 / 503 the given number of times and leaves other methods alone', async () => {
    env.emulator.failNext('chat.postMessage', { status: 503 }, 2);
    expect(
      (await fetch(`${env.emulator.apiUrl}auth.test`, { headers: { authorization: `Bearer ${TOKEN}` } }))
        .status,
    ).toBe(200);
    expect((await post('a')).status).toBe(503);
    expect((await post('b')).status).toBe(503);
    expect((await post('c')).status).toBe(200);
    expect(env.emulator.calls('chat.postMessage').map((c) => c.status)).toEqual([503, 503, 200]);
  });

  it('a real WebClient waits out Retry-After and the message arrives exactly once', async () => {
    env.emulator.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const rateLimited: number[] = [];
    const client = new WebClient(TOKEN, { slackApiUrl: env.emulator.apiUrl });
    client.on(WebClientEvent.RATE_LIMITED, (seconds: number) => rateLimited.push(seconds));
    const started = Date.now();
    const res = await client.chat.postMessage({ channel: DEMO_IDS.dealAcme, text: 'retry me' });
    expect(res.ok).toBe(true);
    expect(rateLimited).toEqual([1]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(env.emulator.state.messages(DEMO_IDS.dealAcme).map((m) => m.text)).toEqual(['retry me']);
    expect(env.emulator.calls('chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
  });

  it('a real WebClient retries a 500 and posts once', async () => {
    env.emulator.failNext('chat.postMessage', { status: 500 });
    const res = await env.client.chat.postMessage({ channel: DEMO_IDS.dealAcme, text: 'after outage' });
    expect(res.ok).toBe(true);
    expect(env.emulator.state.messages(DEMO_IDS.dealAcme)).toHaveLength(1);
    expect(env.emulator.calls('chat.postMessage').map((c) => c.status)).toEqual([500, 200]);
  });
});
