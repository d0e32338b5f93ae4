import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../../src/app.js';
import { parseConfig } from '../../src/config/config.js';
import { isLoopbackHost } from '../../src/http/loopback-host.js';
import { createLogger } from '../../src/logger.js';

let app: RunningApp;
beforeAll(async () => {
  const config = { ...parseConfig({ DATABASE_URL: undefined, DATA_DIR: '/nonexistent' }), port: 0 };
  app = await startApp(
    { ...config, database: { engine: 'sqlite', file: ':memory:' } },
    { host: '127.0.0.1', logger: createLogger('error', 'loopback', () => undefined) },
  );
}, 30_000);
afterAll(async () => {
  await app?.stop();
});

/** fetch() will not send a Host of our choosing; a rebinding browser would. */
function get(path: string, headers: Record<string, string>): Promise<number> {
  const url = new URL(path, app.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: url.port, path: url.pathname + url.search, headers },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('local mode answers loopback names only (DNS rebinding)', () => {
  it.each(['/sandbox', '/sandbox/api/state', '/api/auth.test', '/healthz'])(
    'refuses %s with a foreign Host, a foreign Origin, or no Host',
    async (path) => {
      const port = new URL(app.url).port;
      expect(await get(path, { host: `evil.example:${port}` })).toBe(403);
      expect(await get(path, { host: `127.0.0.1.evil.example:${port}` })).toBe(403);
      expect(await get(path, { host: `localhost:${port}`, origin: 'http://evil.example' })).toBe(403);
      expect(await get(path, { host: `localhost:${port}`, origin: 'null' })).toBe(403);
    },
  );

  it('serves the sandbox by localhost, 127.0.0.1 and [::1], with a same-site Origin', async () => {
    const port = new URL(app.url).port;
    expect(await get('/sandbox', { host: `localhost:${port}` })).toBe(200);
    expect(await get('/sandbox', { host: `127.0.0.1:${port}` })).toBe(200);
    expect(await get('/sandbox', { host: `[::1]:${port}`, origin: `http://[::1]:${port}` })).toBe(200);
    expect(await get('/healthz', { host: `localhost:${port}`, origin: `http://localhost:${port}` })).toBe(
      200,
    );
  });

  it('parses Host names strictly', () => {
    expect(isLoopbackHost('LOCALHOST:3000')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('[::1].evil')).toBe(false);
    expect(isLoopbackHost('localhost.evil.example')).toBe(false);
    expect(isLoopbackHost(undefined)).toBe(false);
    expect(isLoopbackHost('')).toBe(false);
  });
});
