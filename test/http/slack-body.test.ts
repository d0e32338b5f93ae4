import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

describe('bodies Slack never sends, correctly signed, through the real receiver', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['form payload=null', 'payload=null', FORM],
    ['form payload=[]', 'payload=%5B%5D', FORM],
    ['form payload=42', 'payload=42', FORM],
    ['form payload="text"', 'payload=%22text%22', FORM],
    ['JSON null', 'null', JSON_TYPE],
    ['JSON array', '[{"type":"event_callback"}]', JSON_TYPE],
    ['JSON number', '42', JSON_TYPE],
    ['JSON string', '"ssl_check"', JSON_TYPE],
    ['JSON true', 'true', JSON_TYPE],
  ])('answers 400 to %s and keeps serving', async (_label, body, contentType) => {
    const result = await t.driver.sendRaw(body, { contentType });
    expect(result.status).toBe(400);
    expect(t.logs.join('\n')).toContain('refused a Slack request');
  });

  it('answers 401 (not 400) to the same bodies unsigned with a bad signature', async () => {
    const result = await t.driver.sendRaw('{"type":"event_callback"}', {
      contentType: JSON_TYPE,
      signature: 'v0=00',
    });
    expect(result.status).toBe(401);
  });

  it('answers 405 to GET /slack/events without a stack trace', async () => {
    const before = t.logs.length;
    const response = await fetch(`${t.app.url}/slack/events`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(t.logs.slice(before).join('\n')).not.toContain('    at ');
  });

  it('still handles a normal command afterwards', async () => {
    const result = await t.driver.slashCommand({
      userId: t.ids.rep,
      channelId: t.ids.dealAcme,
      text: 'help',
    });
    expect(result.status).toBe(200);
    await waitFor('the help reply', () => t.emulator.state.ephemeralsFor(t.ids.rep).length > 0);
  });
});
