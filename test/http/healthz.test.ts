import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/harness.js';

describe.each(testEngines())('GET /healthz on $name', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ engine });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 200 and says the database is reachable', async () => {
    const response = await fetch(`${t.app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      database: { engine: engine.name, reachable: true },
    });
  });

  it('answers 404 with JSON for unknown paths', async () => {
    const response = await fetch(`${t.app.url}/nope`);
    expect(response.status).toBe(404);
  });
});
