import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { startApp } from '../../src/app.js';
import { parseConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logger.js';
import { DEMO_IDS } from '../../src/sandbox/seed.js';
import type { SandboxSnapshot } from '../../src/sandbox/web/snapshot.js';

/** The sandbox's HTTP surface without a browser: page, assets, JSON API and the change stream. */
let app: RunningApp;

beforeAll(async () => {
  const config = { ...parseConfig({ DATABASE_URL: undefined, DATA_DIR: '/nonexistent' }), port: 0 };
  app = await startApp(
    { ...config, database: { engine: 'sqlite', file: ':memory:' } },
    { host: '127.0.0.1', logger: createLogger('error', 'sandbox-routes', () => undefined) },
  );
}, 30_000);

afterAll(async () => {
  await app?.stop();
});

const post = (name: string, body: unknown, contentType = 'application/json') =>
  fetch(`${app.url}/sandbox/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const snapshotFor = async (user: string) =>
  (await (await fetch(`${app.url}/sandbox/api/state?user=${user}`)).json()) as SandboxSnapshot;
const errorOf = async (res: Response) => ((await res.json()) as { error?: string }).error;

describe('sandbox routes', () => {
  it('serves the page with a strict CSP and only the client assets', async () => {
    const page = await fetch(`${app.url}/sandbox`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('/sandbox/assets/main.js');
    expect(html).toContain('Local Demo');
    const script = await fetch(`${app.url}/sandbox/assets/main.js`);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    for (const path of ['routes.ts', '..%2Froutes.ts', '../routes.ts', 'missing.js']) {
      expect((await fetch(`${app.url}/sandbox/assets/${path}`)).status).toBe(404);
    }
  });

  it('gives a snapshot per user; bots and unknown users fall back to the first person', async () => {
    const asBot = await snapshotFor(DEMO_IDS.botUser);
    expect(asBot.me).toBe(DEMO_IDS.rep);
    const engineer = await snapshotFor(DEMO_IDS.engineer);
    expect(engineer.me).toBe(DEMO_IDS.engineer);
    // Sam is not in #deal-globex: it is not in his sidebar, but its name resolves for mentions.
    expect(engineer.channels.map((c) => c.name)).toEqual(['deal-acme', 'general']);
    expect(engineer.channelNames[DEMO_IDS.dealGlobex]).toBe('deal-globex');
    expect(engineer.shortcuts).toEqual([
      { callbackId: 'log_message_to_vision', name: 'Log to shared vision' },
    ]);
  });

  it('accepts JSON only, validates input and explains unknown commands', async () => {
    expect((await post('send', 'user=U0REP', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await post('nope', {})).status).toBe(404);
    const invalid = await post('send', { user: DEMO_IDS.rep, channel: DEMO_IDS.dealAcme });
    expect(invalid.status).toBe(400);
    expect(await errorOf(invalid)).toMatch(/^invalid request: text/);
    const asBot = await post('send', { user: DEMO_IDS.botUser, channel: DEMO_IDS.dealAcme, text: 'hi' });
    expect(await errorOf(asBot)).toBe(`unknown user ${DEMO_IDS.botUser}`);
    const unknown = await post('send', {
      user: DEMO_IDS.rep,
      channel: DEMO_IDS.dealAcme,
      text: '/giphy cats',
    });
    expect(await errorOf(unknown)).toBe('/giphy is not a valid command. Try /vision.');
  });

  it('stores a typed message like Slack (escaped, @mentions encoded) and streams a change event', async () => {
    const events = await openEvents();
    const res = await post('send', {
      user: DEMO_IDS.rep,
      channel: DEMO_IDS.general,
      text: 'hey @Vision and @morgan.manager: <b>5 & 6</b>',
    });
    expect(res.status).toBe(200);
    const stored = app.localSlack!.emulator.state.messages(DEMO_IDS.general).at(-1);
    expect(stored?.text).toBe(
      `hey <@${DEMO_IDS.botUser}> and <@${DEMO_IDS.manager}>: &lt;b&gt;5 &amp; 6&lt;/b&gt;`,
    );
    await expect(events.next()).resolves.toContain('event: change');
    events.close();
  });

  it('stops the server even with an event stream open', async () => {
    const events = await openEvents();
    const started = Date.now();
    await app.stop();
    expect(Date.now() - started).toBeLessThan(5_000);
    events.close();
  });
});

/** A raw SSE client: resolves with the first chunk after the `retry:` preamble. */
async function openEvents() {
  const chunks: string[] = [];
  let wake: (() => void) | null = null;
  const req = http.get(`${app.url}/sandbox/events`);
  const res = await new Promise<http.IncomingMessage>((resolve) => req.on('response', resolve));
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    chunks.push(chunk);
    wake?.();
  });
  res.on('error', () => undefined);
  return {
    async next(): Promise<string> {
      while (!chunks.some((c) => c.includes('event:'))) await new Promise<void>((r) => (wake = r));
      return chunks.join('');
    },
    close: () => req.destroy(),
  };
}
