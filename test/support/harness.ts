import { type RunningApp, startApp } from '../../src/app.js';
import type { AppConfig, OpenAiConfig, ProxyConfig } from '../../src/config/config.js';
import type { CrmConfig } from '../../src/config/crm.js';
import type { ModelLimits } from '../../src/domain/model-gate.js';
import { createLogger } from '../../src/logger.js';
import type { RunningServer } from '../../src/sandbox/emulator/server.js';
import { DEMO_IDS } from '../../src/sandbox/seed.js';
import {
  createSlackEmulator,
  randomCredentials,
  type SlackEmulator,
} from '../../src/sandbox/slack-emulator.js';
import { sqliteOnly, type TestEngine } from './databases.js';

export interface TestApp {
  app: RunningApp;
  emulator: SlackEmulator;
  driver: SlackEmulator['driver'];
  repos: RunningApp['storage']['repos'];
  /** Log lines the app wrote (secrets already redacted), for assertions. */
  logs: string[];
  ids: typeof DEMO_IDS;
  close(): Promise<void>;
}

export interface TestAppOptions {
  engine?: TestEngine;
  clock?: () => Date;
  openai?: Pick<OpenAiConfig, 'baseURL'> & Partial<OpenAiConfig>;
  /** HTTPS_PROXY / HTTP_PROXY / NO_PROXY as the config would hold them. */
  proxy?: ProxyConfig;
  /** Level of the lines kept in `logs` (default warn; TEST_LOG_LEVEL=debug for everything). */
  logLevel?: 'debug' | 'info' | 'warn';
  /** Salesforce/HubSpot pointed at the CRM emulator (test/support/crm-fixtures.ts). */
  crm?: CrmConfig;
  /** Model calls in flight (default: the app's). */
  modelLimits?: ModelLimits;
}

/**
 * The real app (real Bolt HTTP receiver, real WebClient, real storage) against a local Slack emulator on its own
 * port, as in production with SLACK_API_URL pointing at it. Every request is signed by the emulator's driver.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const { botToken, signingSecret } = randomCredentials();
  const emulator = createSlackEmulator({ botToken, signingSecret });
  const emulatorServer: RunningServer = await emulator.listen(0);
  const database = await (options.engine ?? sqliteOnly).create();
  const logs: string[] = [];
  const config: AppConfig = {
    slack: { kind: 'http', botToken, signingSecret, apiUrl: emulator.apiUrl },
    port: 0,
    database: database.config,
    dataDir: '/nonexistent',
    openai: options.openai
      ? {
          apiKey: 'sk-test-local',
          model: 'gpt-test',
          timeoutMs: 5_000,
          ...options.openai,
          baseURL: options.openai.baseURL,
        }
      : null,
    openaiModel: 'gpt-test',
    logLevel: 'warn',
    logFormat: 'json',
    proxy: options.proxy ?? null,
    ...(options.crm ? { crm: options.crm } : {}),
    purgeGraceDays: 30,
  };
  const logger = createLogger(
    options.logLevel ?? (process.env.TEST_LOG_LEVEL === 'debug' ? 'debug' : 'warn'),
    'test-app',
    (line) => {
      logs.push(line);
      if (process.env.TEST_LOG_LEVEL) process.stderr.write(`${line}\n`);
    },
  );
  const app = await startApp(config, {
    logger,
    host: '127.0.0.1',
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.modelLimits ? { modelLimits: options.modelLimits } : {}),
  });
  emulator.setAppUrl(`${app.url}/slack/events`);
  return {
    app,
    emulator,
    driver: emulator.driver,
    repos: app.storage.repos,
    logs,
    ids: DEMO_IDS,
    async close() {
      await app.stop();
      await emulatorServer.close();
      await database.drop();
    },
  };
}

/**
 * Makes one repository method of the running app fail as a database that is down would, until `restore()`:
 * the app and the test share the same repository objects.
 */
export function breakRepository<R extends keyof TestApp['repos']>(
  t: Pick<TestApp, 'repos'>,
  repo: R,
  method: keyof TestApp['repos'][R] & string,
  error: Error = new Error('connect ECONNREFUSED 127.0.0.1:5432'),
): { calls: () => number; restore: () => void } {
  const target = t.repos[repo] as unknown as Record<string, unknown>;
  const original = target[method];
  let calls = 0;
  target[method] = async () => {
    calls++;
    throw error;
  };
  return {
    calls: () => calls,
    restore: () => {
      target[method] = original;
    },
  };
}
