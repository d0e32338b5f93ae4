import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { settle, waitFor } from '../support/wait.js';

describe('the real HTTP receiver checks Slack signatures', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const helpBody = (userId: string) =>
    new URLSearchParams({
      token: 'x',
      team_id: t.ids.team,
      channel_id: t.ids.dealAcme,
      user_id: userId,
      command: '/vision',
      text: 'help',
      response_url: `${t.emulator.baseUrl}/response-url/not-registered`,
      trigger_id: '1.2.3',
    }).toString();

  const form = 'application/x-www-form-urlencoded';

  it('handles a correctly signed slash command', async () => {
    const result = await t.driver.slashCommand({
      userId: t.ids.rep,
      channelId: t.ids.dealAcme,
      text: 'help',
    });
    expect(result.status).toBe(200);
    await waitFor('the help reply', () => t.emulator.state.ephemeralsFor(t.ids.rep).length > 0);
  });

  it.each([
    [
      'a wrong signature',
      { signature: 'v0=0000000000000000000000000000000000000000000000000000000000000000' },
    ],
    ['no signature headers', { sign: false }],
    ['a timestamp older than 5 minutes', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
  ])('answers 401 to %s and handles nothing', async (_label, options) => {
    const before = t.emulator.calls().length;
    const result = await t.driver.sendRaw(helpBody('U0MGR'), { contentType: form, ...options });
    expect(result.status).toBe(401);
    await settle();
    expect(t.emulator.calls().length).toBe(before);
    expect(t.emulator.state.ephemeralsFor('U0MGR')).toEqual([]);
  });

  it('answers 401 to a valid signature of a different body', async () => {
    const signedFor = await t.driver.sendRaw(helpBody('U0SE'), { contentType: form, sign: false });
    expect(signedFor.status).toBe(401);
  });
});
