import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

const json = (line: string) => JSON.parse(line) as Record<string, unknown>;

describe.each(testEngines())('readiness, metrics and request logs on $name', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ engine, logLevel: 'info' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('/readyz: ready when the database answers, migrations are applied and the receiver is mounted', async () => {
    const response = await fetch(`${t.app.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ready',
      problems: [],
      database: { engine: engine.name, reachable: true, pendingMigrations: [] },
      slack: { mode: 'http', up: true },
    });
  });

  it('/healthz keeps its shape: alive, with the database status', async () => {
    const response = await fetch(`${t.app.url}/healthz`);
    expect(await response.json()).toEqual({
      status: 'ok',
      database: { engine: engine.name, reachable: true },
    });
  });

  it('a slash command is logged as JSON with its request id, team, listener and duration, and counted', async () => {
    const result = await t.driver.slashCommand({
      userId: t.ids.rep,
      channelId: t.ids.dealAcme,
      text: 'help',
    });
    expect(result.status).toBe(200);
    const handled = await waitFor('the request log line', () =>
      t.logs.map(json).find((l) => l.component === 'requests' && l.listener === 'command:/vision'),
    );
    expect(handled).toMatchObject({ level: 'info', msg: 'handled', teamId: 'T0LOCAL', outcome: 'ok' });
    expect(handled.requestId).toMatch(/^[\w-]{8,}$/);
    expect(handled.durationMs).toEqual(expect.any(Number));
    expect(handled.ackMs).toEqual(expect.any(Number));
    // One info line per handled request: the HTTP layer does not repeat it.
    const access = t.logs
      .map(json)
      .filter((l) => l.component === 'http' && l.requestId === handled.requestId);
    expect(access.filter((l) => l.level === 'info')).toEqual([]);
    // A request refused before any listener (bad signature) gets the HTTP line, at info.
    const refused = await fetch(`${t.app.url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-signature': 'v0=0000',
        'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
      },
      body: 'command=%2Fvision&text=help',
    });
    expect(refused.status).toBe(401);
    const refusedLine = await waitFor('the refused request line', () =>
      t.logs.map(json).find((l) => l.component === 'http' && l.msg === 'request refused'),
    );
    expect(refusedLine).toMatchObject({ level: 'info', path: '/slack/events', status: 401, method: 'POST' });

    const metrics = await (await fetch(`${t.app.url}/metrics`)).text();
    expect(metrics).toContain('shared_vision_slack_acks_total{listener="command:/vision",outcome="ok"} 1');
    expect(metrics).toMatch(/shared_vision_slack_ack_seconds_count\{listener="command:\/vision"\} 1/);
    expect(metrics).toContain('# TYPE shared_vision_model_calls_total counter');
    expect(metrics).toContain('# TYPE shared_vision_nudges_total counter');
    expect(metrics).toContain('# TYPE shared_vision_db_errors_total counter');
  });

  it('echoes a caller X-Request-Id that looks like one, replaces one that does not', async () => {
    const kept = await fetch(`${t.app.url}/healthz`, { headers: { 'x-request-id': 'lb-1234abcd' } });
    expect(kept.headers.get('x-request-id')).toBe('lb-1234abcd');
    const replaced = await fetch(`${t.app.url}/healthz`, { headers: { 'x-request-id': 'bad id\u00e9' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('/readyz answers 503 with the reason once the database is gone', async () => {
    await t.app.storage.close();
    const response = await fetch(`${t.app.url}/readyz`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; problems: string[] };
    expect(body.status).toBe('not_ready');
    expect(body.problems).toContain('database unreachable');
    const metrics = await (await fetch(`${t.app.url}/metrics`)).text();
    expect(metrics).toMatch(/shared_vision_db_errors_total\{source="ping"\} [1-9]/);
  });
});
