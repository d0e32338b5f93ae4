import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/config.js';
import { withSlackCliTokens } from '../../src/config/load.js';

const BOT = 'xoxb-1111-2222-SECRETBOTTOKENVALUE';
const SECRET = 'abcdef0123456789abcdef0123456789';

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseConfig', () => {
  it('runs in local mode on embedded defaults when nothing is set', () => {
    const config = parseConfig({});
    expect(config.slack).toEqual({ kind: 'local' });
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ engine: 'sqlite', file: path.resolve('data', 'shared-vision.sqlite') });
    expect(config.openai).toBeNull();
    expect(config.logLevel).toBe('info');
  });

  it('chooses HTTP mode with a bot token and signing secret, honouring SLACK_API_URL', () => {
    const config = parseConfig({
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
    });
    expect(config.slack).toEqual({
      kind: 'http',
      botToken: BOT,
      signingSecret: SECRET,
      apiUrl: 'http://127.0.0.1:9/api/',
    });
  });

  it('chooses Socket Mode when SLACK_APP_TOKEN is set', () => {
    const config = parseConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: 'xapp-1-A1-111-abc' });
    expect(config.slack.kind).toBe('socket');
  });

  it('uses PostgreSQL when DATABASE_URL is set, and OpenAI when a key is set', () => {
    const config = parseConfig({
      DATABASE_URL: 'postgres://u:p@localhost:5432/sv',
      OPENAI_API_KEY: 'sk-test-123456789',
      OPENAI_BASE_URL: 'http://localhost:11434/v1',
      OPENAI_MODEL: 'llama3.1',
    });
    expect(config.database).toEqual({ engine: 'postgres', url: 'postgres://u:p@localhost:5432/sv' });
    expect(config.openai).toMatchObject({ baseURL: 'http://localhost:11434/v1', model: 'llama3.1' });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a whole number between 1 and 65535'],
    [{ PORT: '70000' }, 'PORT must be a whole number between 1 and 65535'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of debug, info, warn, error'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a PostgreSQL URL'],
    [{ SLACK_API_URL: 'not a url' }, 'SLACK_API_URL must be an http(s) URL'],
    [{ OPENAI_BASE_URL: 'ftp://x' }, 'OPENAI_BASE_URL must be an http(s) URL'],
    [
      { SLACK_BOT_TOKEN: 'xoxp-user-token-9999', SLACK_SIGNING_SECRET: SECRET },
      'SLACK_BOT_TOKEN must be a bot token',
    ],
    [{ SLACK_BOT_TOKEN: BOT }, 'SLACK_SIGNING_SECRET is required in HTTP mode'],
    [{ SLACK_SIGNING_SECRET: SECRET }, 'SLACK_BOT_TOKEN is required'],
    [
      { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: 'xoxb-wrong-kind' },
      'SLACK_APP_TOKEN must be an app-level token',
    ],
  ])('rejects %o with a clear line naming the variable', (env, expected) => {
    const problems = problemsOf(env as Record<string, string>);
    expect(problems.some((p) => p.startsWith(expected))).toBe(true);
  });

  it('reports every problem at once, one line each, and never echoes a value', () => {
    const env = {
      PORT: 'eighty-one',
      LOG_LEVEL: 'loudest-ever',
      SLACK_BOT_TOKEN: 'xoxp-SECRET-USER-TOKEN',
      SLACK_SIGNING_SECRET: 'too-short!',
    };
    const problems = problemsOf(env);
    expect(problems.length).toBeGreaterThanOrEqual(4);
    for (const value of Object.values(env)) expect(problems.join('\n')).not.toContain(value);
  });
});

describe('npm start with a bad environment', () => {
  it('exits non-zero with one line per problem, no stack trace and no secret', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: {
        PATH: process.env.PATH,
        PORT: 'abc',
        SLACK_BOT_TOKEN: 'xoxb-THIS-IS-A-SECRET',
        OPENAI_API_KEY: 'sk-SECRET-OPENAI-KEY',
        DOTENV_CONFIG_PATH: '/nonexistent/.env',
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT must be a whole number between 1 and 65535');
    expect(result.stderr).toContain('SLACK_SIGNING_SECRET is required in HTTP mode');
    expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/);
    expect(result.stderr + result.stdout).not.toContain('THIS-IS-A-SECRET');
    expect(result.stderr + result.stdout).not.toContain('SECRET-OPENAI-KEY');
  });
});

describe('slack run (Slack CLI) tokens', () => {
  it('uses the CLI dev app tokens over .env, which selects Socket Mode', () => {
    const env = withSlackCliTokens({
      SLACK_BOT_TOKEN: 'xoxb-from-env',
      SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef',
      SLACK_CLI_XOXB: 'xoxb-cli-1',
      SLACK_CLI_XAPP: 'xapp-cli-1',
    });
    expect(parseConfig(env).slack).toMatchObject({
      kind: 'socket',
      botToken: 'xoxb-cli-1',
      appToken: 'xapp-cli-1',
    });
  });

  it('parses HTTPS_PROXY / NO_PROXY (either case) and rejects a proxy that is not a URL', () => {
    expect(parseConfig({ https_proxy: 'http://proxy.corp:3128', NO_PROXY: '.corp,localhost' }).proxy).toEqual(
      {
        httpsProxy: 'http://proxy.corp:3128',
        httpProxy: undefined,
        noProxy: '.corp,localhost',
      },
    );
    expect(parseConfig({}).proxy).toBeNull();
    expect(() => parseConfig({ HTTPS_PROXY: 'proxy.corp:3128' })).toThrow(/HTTPS_PROXY must be a proxy URL/);
  });

  it('LOG_FORMAT: json in production by default, pretty otherwise, or as set', () => {
    expect(parseConfig({ NODE_ENV: 'production' }).logFormat).toBe('json');
    expect(parseConfig({}).logFormat).toBe('pretty');
    expect(parseConfig({ NODE_ENV: 'production', LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(() => parseConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT must be one of json, pretty/);
  });
});
