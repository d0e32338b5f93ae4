import { randomBytes } from 'node:crypto';
import { type RunningApp, startApp } from '../../src/app.js';
import type { AppConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logger.js';
import type { RunningServer } from '../../src/sandbox/emulator/server.js';
import { createSlackCloud, type SlackCloud } from '../../src/sandbox/slack-cloud.js';
import { sqliteOnly, type TestEngine } from './databases.js';

export const CLIENT_ID = '1111111111.2222222222';

export interface OAuthTestApp {
  app: RunningApp;
  cloud: SlackCloud;
  repos: RunningApp['storage']['repos'];
  logs: string[];
  clientSecret: string;
  /** The browser side of "Add to Slack": install page, consent (as `userId` of `teamId`), redirect back. */
  install(teamId: string, options?: { userId?: string; orgWide?: string }): Promise<InstallResult>;
  close(): Promise<void>;
}

export interface InstallResult {
  status: number;
  body: string;
}

export interface OAuthTestOptions {
  teams: Array<string | { teamId: string; enterpriseId: string }>;
  engine?: TestEngine;
  tokenLifetimeSeconds?: number | null;
  purgeGraceDays?: number;
  clock?: () => Date;
  /** Start the timers (scheduled jobs use each team's own token). */
  scheduler?: boolean;
}

/** Reads the "Add to Slack" link and the state cookie from /slack/install. */
export async function startInstall(
  appUrl: string,
): Promise<{ href: string; cookie: string; status: number }> {
  const page = await fetch(`${appUrl}/slack/install`);
  const html = await page.text();
  const href = /id="add-to-slack" href="([^"]+)"/.exec(html)?.[1]?.replaceAll('&#38;', '&') ?? '';
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { href, cookie, status: page.status };
}

/**
 * The real app installed in many workspaces (OAuth mode, real Bolt receiver and installer) against a Slack cloud
 * of emulated workspaces on its own port: SLACK_API_URL points at it, as in production at slack.com.
 */
export async function startOAuthTestApp(options: OAuthTestOptions): Promise<OAuthTestApp> {
  const signingSecret = randomBytes(16).toString('hex');
  const clientSecret = randomBytes(16).toString('hex');
  const cloud = createSlackCloud({
    signingSecret,
    clientId: CLIENT_ID,
    clientSecret,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? null,
    ...(options.clock ? { clock: () => options.clock!().getTime() } : {}),
  });
  for (const team of options.teams) {
    if (typeof team === 'string') cloud.addWorkspace(team);
    else cloud.addWorkspace(team.teamId, { enterpriseId: team.enterpriseId });
  }
  const cloudServer: RunningServer = await cloud.listen(0);
  const database = await (options.engine ?? sqliteOnly).create();
  const logs: string[] = [];
  const config: AppConfig = {
    slack: {
      kind: 'oauth',
      clientId: CLIENT_ID,
      clientSecret,
      stateSecret: randomBytes(16).toString('hex'),
      signingSecret,
      tokenEncryptionKey: randomBytes(32),
      redirectUri: undefined,
      apiUrl: cloud.apiUrl,
    },
    port: 0,
    database: database.config,
    dataDir: '/nonexistent',
    openai: null,
    openaiModel: 'gpt-test',
    logLevel: 'warn',
    logFormat: 'json',
    proxy: null,
    purgeGraceDays: options.purgeGraceDays ?? 30,
  };
  const logger = createLogger('warn', 'test-app', (line) => {
    logs.push(line);
    if (process.env.TEST_LOG_LEVEL) process.stderr.write(`${line}\n`);
  });
  const app = await startApp(config, {
    logger,
    host: '127.0.0.1',
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.scheduler ? { scheduler: true } : {}),
  });
  cloud.setAppUrl(`${app.url}/slack/events`);
  cloud.setRedirectUri(`${app.url}/slack/oauth_redirect`);
  return {
    app,
    cloud,
    repos: app.storage.repos,
    logs,
    clientSecret,
    async install(teamId, installOptions = {}) {
      const { href, cookie } = await startInstall(app.url);
      const consent = new URL(href);
      if (installOptions.orgWide) consent.searchParams.set('enterprise', installOptions.orgWide);
      else consent.searchParams.set('team', teamId);
      consent.searchParams.set('user', installOptions.userId ?? 'U0REP');
      const approved = await fetch(consent, { redirect: 'manual' });
      const back = approved.headers.get('location');
      if (approved.status !== 302 || !back) throw new Error(`consent page answered ${approved.status}`);
      const done = await fetch(back, { headers: { cookie } });
      return { status: done.status, body: await done.text() };
    },
    async close() {
      await app.stop();
      await cloudServer.close();
      await database.drop();
    },
  };
}
