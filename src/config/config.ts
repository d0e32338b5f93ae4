import path from 'node:path';
import { type CrmConfig, parseCrmConfig } from './crm.js';
import { installCombinationProblems, parseEncryptionKey } from './install-schema.js';
import { envSchema, type RawEnv } from './schema.js';

export type LogLevel = RawEnv['LOG_LEVEL'];
/** JSON lines (production, log shippers) or one readable line per entry (a terminal). */
export type LogFormat = NonNullable<RawEnv['LOG_FORMAT']>;

/** How the app talks to Slack: a real workspace over HTTP or Socket Mode, or the built-in local emulator. */
export type SlackMode =
  | { kind: 'http'; botToken: string; signingSecret: string; apiUrl: string | undefined }
  | {
      kind: 'socket';
      botToken: string;
      appToken: string;
      signingSecret: string | undefined;
      apiUrl: string | undefined;
    }
  | OAuthSlackMode
  | { kind: 'local' };

/** Installed in many workspaces with OAuth v2: each workspace's token comes from the installation store. */
export interface OAuthSlackMode {
  kind: 'oauth';
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  signingSecret: string;
  /** AES-256-GCM key for tokens at rest (32 bytes). */
  tokenEncryptionKey: Buffer;
  /** Public URL of /slack/oauth_redirect; unset = the one registered in the app's settings. */
  redirectUri: string | undefined;
  apiUrl: string | undefined;
}

export type DatabaseConfig = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };

export interface OpenAiConfig {
  apiKey: string;
  baseURL: string | undefined;
  model: string;
  timeoutMs: number;
  /** Set by the composition root (proxy and metrics), never from the environment. */
  fetch?: typeof globalThis.fetch;
}

/** Outbound proxy for Slack and the model (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, upper or lower case). */
export interface ProxyConfig {
  httpsProxy: string | undefined;
  httpProxy: string | undefined;
  /** Comma-separated hosts (or .suffixes, host:port, *) reached directly. */
  noProxy: string | undefined;
}

export interface AppConfig {
  slack: SlackMode;
  port: number;
  database: DatabaseConfig;
  dataDir: string;
  /** null = offline drafting (no network). */
  openai: OpenAiConfig | null;
  openaiModel: string;
  logLevel: LogLevel;
  /** LOG_FORMAT, else JSON when NODE_ENV=production and readable lines otherwise. */
  logFormat: LogFormat;
  /** null when no proxy variable is set. */
  proxy: ProxyConfig | null;
  /** Salesforce and/or HubSpot; absent or both null = no CRM, nothing changes. */
  crm?: CrmConfig;
  /** Origins besides https://files.slack.com the bot token may download files from (tests, emulators). */
  slackFileOrigins?: string[];
  /** Days an uninstalled workspace's data is kept before it is purged (0 = at once). */
  purgeGraceDays: number;
  /** Model second-opinion calls per workspace per UTC day (LISTEN_AI_DAILY_CAP); absent = 200. */
  listenAiDailyCap?: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/** Parses the environment once. Throws ConfigError with one line per problem; never includes values. */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = envSchema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${String(issue.path[0] ?? 'environment')} ${issue.message}`);
  const oauthProblems = installCombinationProblems(env);
  const oauthChosen = isSet(env.SLACK_CLIENT_ID) || isSet(env.SLACK_CLIENT_SECRET);
  problems.push(...(oauthChosen ? oauthProblems : [...oauthProblems, ...slackCombinationProblems(env)]));
  const crm = parseCrmConfig(env);
  problems.push(...crm.problems);
  if (!parsed.success || problems.length > 0) throw new ConfigError([...new Set(problems)]);
  const raw = parsed.data;
  const database: DatabaseConfig = raw.DATABASE_URL
    ? { engine: 'postgres', url: raw.DATABASE_URL }
    : { engine: 'sqlite', file: path.resolve(raw.DATA_DIR, 'shared-vision.sqlite') };
  return {
    slack: resolveSlackMode(raw),
    port: raw.PORT,
    database,
    dataDir: path.resolve(raw.DATA_DIR),
    openai: raw.OPENAI_API_KEY
      ? {
          apiKey: raw.OPENAI_API_KEY,
          baseURL: raw.OPENAI_BASE_URL,
          model: raw.OPENAI_MODEL,
          timeoutMs: raw.OPENAI_TIMEOUT_MS,
        }
      : null,
    openaiModel: raw.OPENAI_MODEL,
    logLevel: raw.LOG_LEVEL,
    logFormat: raw.LOG_FORMAT ?? (raw.NODE_ENV === 'production' ? 'json' : 'pretty'),
    proxy: resolveProxy(raw),
    crm: crm.config,
    ...(raw.SLACK_FILE_HOSTS
      ? { slackFileOrigins: raw.SLACK_FILE_HOSTS.split(',').map((origin) => new URL(origin.trim()).origin) }
      : {}),
    purgeGraceDays: raw.DATA_PURGE_GRACE_DAYS,
    listenAiDailyCap: raw.LISTEN_AI_DAILY_CAP,
  };
}

const isSet = (value: string | undefined): boolean => value !== undefined && value.trim() !== '';

/** Which Slack variables must come together: bot token + signing secret (HTTP) or bot token + app token. */
function slackCombinationProblems(env: Record<string, string | undefined>): string[] {
  const bot = isSet(env.SLACK_BOT_TOKEN);
  const secret = isSet(env.SLACK_SIGNING_SECRET);
  const app = isSet(env.SLACK_APP_TOKEN);
  if (!bot && !secret && !app) return [];
  const problems: string[] = [];
  if (!bot) problems.push('SLACK_BOT_TOKEN is required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set');
  if (!app && !secret) {
    problems.push('SLACK_SIGNING_SECRET is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  return problems;
}

function resolveSlackMode(raw: RawEnv): SlackMode {
  if (
    raw.SLACK_CLIENT_ID &&
    raw.SLACK_CLIENT_SECRET &&
    raw.SLACK_STATE_SECRET &&
    raw.SLACK_TOKEN_ENCRYPTION_KEY
  ) {
    return {
      kind: 'oauth',
      clientId: raw.SLACK_CLIENT_ID,
      clientSecret: raw.SLACK_CLIENT_SECRET,
      stateSecret: raw.SLACK_STATE_SECRET,
      signingSecret: raw.SLACK_SIGNING_SECRET ?? '',
      tokenEncryptionKey: parseEncryptionKey(raw.SLACK_TOKEN_ENCRYPTION_KEY)!,
      redirectUri: raw.SLACK_REDIRECT_URI,
      apiUrl: raw.SLACK_API_URL,
    };
  }
  const { SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_APP_TOKEN: appToken } = raw;
  if (!botToken) return { kind: 'local' };
  if (appToken) return { kind: 'socket', botToken, appToken, signingSecret, apiUrl: raw.SLACK_API_URL };
  return { kind: 'http', botToken, signingSecret: signingSecret ?? '', apiUrl: raw.SLACK_API_URL };
}

function resolveProxy(raw: RawEnv): ProxyConfig | null {
  const proxy: ProxyConfig = {
    httpsProxy: raw.HTTPS_PROXY ?? raw.https_proxy,
    httpProxy: raw.HTTP_PROXY ?? raw.http_proxy,
    noProxy: raw.NO_PROXY ?? raw.no_proxy,
  };
  return proxy.httpsProxy || proxy.httpProxy ? proxy : null;
}
