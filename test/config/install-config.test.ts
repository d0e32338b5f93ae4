import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/config.js';

const SIGNING = 'abcdef0123456789abcdef0123456789';
const KEY_HEX = 'a'.repeat(64);
const OAUTH = {
  SLACK_CLIENT_ID: '1234567890.9876543210',
  SLACK_CLIENT_SECRET: 'fedcba9876543210fedcba98',
  SLACK_STATE_SECRET: 'state-secret-of-some-length',
  SLACK_TOKEN_ENCRYPTION_KEY: KEY_HEX,
  SLACK_SIGNING_SECRET: SIGNING,
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('install in many workspaces (OAuth) configuration', () => {
  it('chooses OAuth mode with client id, client secret, state secret, encryption key and signing secret', () => {
    const config = parseConfig({ ...OAUTH, SLACK_API_URL: 'http://127.0.0.1:9/api/' });
    expect(config.slack).toMatchObject({
      kind: 'oauth',
      clientId: OAUTH.SLACK_CLIENT_ID,
      apiUrl: 'http://127.0.0.1:9/api/',
    });
    if (config.slack.kind !== 'oauth') throw new Error('not oauth');
    expect(config.slack.tokenEncryptionKey).toEqual(Buffer.from(KEY_HEX, 'hex'));
    expect(config.purgeGraceDays).toBe(30);
  });

  it('accepts a base64 key and a grace period of 0 (purge at once)', () => {
    const config = parseConfig({
      ...OAUTH,
      SLACK_TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      DATA_PURGE_GRACE_DAYS: '0',
    });
    expect(config.purgeGraceDays).toBe(0);
  });

  it.each([
    [{ ...OAUTH, SLACK_BOT_TOKEN: 'xoxb-1-2-abc' }, 'SLACK_BOT_TOKEN (one workspace) and SLACK_CLIENT_ID'],
    [{ ...OAUTH, SLACK_APP_TOKEN: 'xapp-1-A1-1-abc' }, 'installing in many workspaces needs HTTP mode'],
    [{ ...OAUTH, SLACK_STATE_SECRET: '' }, 'SLACK_STATE_SECRET is required to install in many workspaces'],
    [{ ...OAUTH, SLACK_TOKEN_ENCRYPTION_KEY: '' }, 'SLACK_TOKEN_ENCRYPTION_KEY is required'],
    [{ ...OAUTH, SLACK_TOKEN_ENCRYPTION_KEY: 'short' }, 'SLACK_TOKEN_ENCRYPTION_KEY must be 32 random bytes'],
    [{ ...OAUTH, SLACK_SIGNING_SECRET: '' }, 'SLACK_SIGNING_SECRET is required to install'],
    [{ ...OAUTH, SLACK_CLIENT_ID: 'abc' }, "SLACK_CLIENT_ID must be the app's Client ID"],
    [{ ...OAUTH, DATA_PURGE_GRACE_DAYS: '-1' }, 'DATA_PURGE_GRACE_DAYS must be a whole number of days'],
    [
      { ...OAUTH, SLACK_REDIRECT_URI: 'https://x.example.com/elsewhere' },
      'SLACK_REDIRECT_URI must be the public URL',
    ],
  ])('rejects %o with one clear line', (env, expected) => {
    const problems = problemsOf(env as Record<string, string>);
    expect(problems.some((p) => p.startsWith(expected))).toBe(true);
    for (const secret of [OAUTH.SLACK_CLIENT_SECRET, KEY_HEX])
      expect(problems.join('\n')).not.toContain(secret);
  });

  it('one-workspace mode with SLACK_BOT_TOKEN keeps working unchanged', () => {
    const config = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: SIGNING });
    expect(config.slack.kind).toBe('http');
  });
});
