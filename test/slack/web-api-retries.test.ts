import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';

describe("the app's Slack Web API client, against the emulator", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const postedWith = (text: string) =>
    t.emulator.state.messages(t.ids.dealAcme).filter((m) => m.text === text);

  it('waits out a 429 with Retry-After and the message arrives once', async () => {
    t.emulator.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const started = Date.now();
    const result = await t.app.bolt.client.chat.postMessage({
      channel: t.ids.dealAcme,
      text: 'after a rate limit',
    });
    expect(result.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(postedWith('after a rate limit')).toHaveLength(1);
    expect(
      t.emulator.calls('chat.postMessage').filter((c) => JSON.stringify(c).includes('after a rate limit'))
        .length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('retries a 5xx and the message arrives once', async () => {
    t.emulator.failNext('chat.postMessage', { status: 503 }, 2);
    const result = await t.app.bolt.client.chat.postMessage({
      channel: t.ids.dealAcme,
      text: 'after an outage',
    });
    expect(result.ok).toBe(true);
    expect(postedWith('after an outage')).toHaveLength(1);
  });

  it('does not post where the bot is not a member (not_in_channel), like Slack', async () => {
    await expect(
      t.app.bolt.client.chat.postMessage({ channel: t.ids.general, text: 'hello' }),
    ).rejects.toMatchObject({
      data: { ok: false, error: 'not_in_channel' },
    });
  });
});
