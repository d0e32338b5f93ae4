import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { createSlackEmulator, randomCredentials } from '../../../src/sandbox/slack-emulator.js';
import { singleWorkspaceAuthorize } from '../../../src/slack/install/single-workspace-authorize.js';

const SOURCE = { isEnterpriseInstall: false, teamId: 'T1', enterpriseId: undefined };

/** The real WebClient against the emulator, without retries, so a failure is seen at once. */
describe('singleWorkspaceAuthorize', () => {
  const { botToken, signingSecret } = randomCredentials();
  const emulator = createSlackEmulator({ botToken, signingSecret });
  let close: () => Promise<void>;
  let client: WebClient;
  const lines: string[] = [];
  const logger = createLogger('warn', 'test', (line) => lines.push(line));
  beforeAll(async () => {
    close = (await emulator.listen(0)).close;
    client = new WebClient(botToken, { slackApiUrl: emulator.apiUrl, retryConfig: { retries: 0 } });
  });
  afterAll(async () => {
    await close();
  });

  it('asks again after Slack could not be reached at start, then keeps the identity', async () => {
    emulator.failNext('auth.test', { status: 503 }, 2);
    const single = singleWorkspaceAuthorize(client, botToken, logger);
    single.warm();
    await expect.poll(() => lines.join('\n')).toContain('could not reach Slack to check the bot token');
    expect(lines.join('\n')).not.toContain(botToken);
    // The first request while Slack still fails is refused; the next one, once Slack answers, is authorised.
    await expect(single.authorize(SOURCE)).rejects.toThrow();
    const result = await single.authorize(SOURCE);
    expect(result).toMatchObject({ botToken, botId: expect.any(String), botUserId: expect.any(String) });
    const asked = emulator.calls('auth.test').length;
    expect(asked).toBe(3);
    await Promise.all(Array.from({ length: 5 }, () => single.authorize(SOURCE)));
    expect(emulator.calls('auth.test')).toHaveLength(asked);
  });

  it('asks once for requests that arrive together', async () => {
    const before = emulator.calls('auth.test').length;
    const single = singleWorkspaceAuthorize(client, botToken, logger);
    const results = await Promise.all(Array.from({ length: 10 }, () => single.authorize(SOURCE)));
    expect(new Set(results.map((r) => r.botUserId)).size).toBe(1);
    expect(emulator.calls('auth.test').length - before).toBe(1);
  });
});
