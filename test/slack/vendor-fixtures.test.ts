import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { vendorPath } from '../support/vendor-fixtures.js';

const FIXTURES = vendorPath('slack');
const list = (dir: string) =>
  fs
    .readdirSync(path.join(FIXTURES, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.join(dir, f));

type Json = Record<string, unknown>;

/** How Slack would deliver a fixture over HTTP: JSON events, form-encoded commands, `payload=` interactivity. */
function toRequest(
  file: string,
  data: unknown,
  localResponseUrl: string,
): { body: string; contentType: string } | null {
  const safe = (text: string) => text.replace(/https:\/\/hooks\.slack\.com\/[^"&\s]*/g, localResponseUrl);
  const form = 'application/x-www-form-urlencoded';
  if (typeof data === 'string')
    return {
      body: safe(data).replace(/response_url=[^&]*/, `response_url=${encodeURIComponent(localResponseUrl)}`),
      contentType: form,
    };
  const payload = data as Json;
  if (file.startsWith('socket-mode')) {
    if (!payload.payload) return null; // hello / disconnect frames are WebSocket control messages, not requests
    const inner = payload.payload as Json;
    if (payload.type === 'slash_commands')
      return {
        body: safe(new URLSearchParams(inner as Record<string, string>).toString()),
        contentType: form,
      };
    if (payload.type === 'interactive')
      return {
        body: safe(new URLSearchParams({ payload: JSON.stringify(inner) }).toString()),
        contentType: form,
      };
    return { body: safe(JSON.stringify(inner)), contentType: 'application/json' };
  }
  if (file.startsWith('events')) {
    if (file.endsWith('slack_common_event_wrapper_schema.json')) return null; // a JSON schema, not a payload
    return { body: safe(JSON.stringify(payload)), contentType: 'application/json' };
  }
  if ('command' in payload && !('type' in payload)) {
    const fields = Object.fromEntries(
      Object.entries(payload).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
    );
    return { body: safe(new URLSearchParams(fields).toString()), contentType: form };
  }
  return {
    body: safe(new URLSearchParams({ payload: JSON.stringify(payload) }).toString()),
    contentType: form,
  };
}

describe("Slack's own sample payloads, signed and posted to the real receiver", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const files = [...list('events'), ...list('interactivity'), ...list('socket-mode')];

  it('has fixtures to replay', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it.each(files)('%s is accepted without a 5xx', async (file) => {
    const data: unknown = JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
    const request = toRequest(file, data, `${t.emulator.baseUrl}/response-url/fixture`);
    if (!request) return;
    const result = await t.driver.sendRaw(request.body, { contentType: request.contentType });
    expect(result.status, JSON.stringify(result.body)).toBeLessThan(500);
    expect(result.status).toBe(200);
  });

  it('answers the url_verification challenge', async () => {
    const data = JSON.parse(
      fs.readFileSync(path.join(FIXTURES, 'events/bolt-python/url_verification.json'), 'utf8'),
    ) as Json;
    const result = await t.driver.sendRaw(JSON.stringify(data), { contentType: 'application/json' });
    expect(result.status).toBe(200);
    expect(JSON.stringify(result.body)).toContain(String(data.challenge));
  });

  it('is still healthy after all of them', async () => {
    const response = await fetch(`${t.app.url}/healthz`);
    expect(response.status).toBe(200);
  });
});
