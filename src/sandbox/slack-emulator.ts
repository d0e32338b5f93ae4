import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { createDriver, type SlackDriver } from './driver.js';
import { type Fault, FaultQueue } from './emulator/faults.js';
import type { Caller } from './emulator/methods/context.js';
import { ResponseUrlRegistry } from './emulator/response-urls.js';
import { createRequestHandler, listen, type RequestHandler, type RunningServer } from './emulator/server.js';
import { WorkspaceState } from './emulator/state.js';
import { TriggerRegistry } from './emulator/triggers.js';
import type { CallLogEntry, Clock } from './emulator/types.js';
import { DEMO_SEED, seedForTeam, type WorkspaceSeed } from './seed.js';

export interface SlackEmulatorOptions {
  signingSecret: string;
  botToken: string;
  /** The app's request URL (…/slack/events); can be set later with setAppUrl. */
  appUrl?: string;
  teamId?: string;
  /** Workspace to start with; defaults to the demo workspace. */
  seed?: WorkspaceSeed;
  /** Milliseconds since epoch; inject a fake clock to test trigger_id expiry. */
  clock?: Clock;
  /** The deprecated verification token put in payloads. */
  verificationToken?: string;
}

const optionsSchema = z.object({
  signingSecret: z.string().min(1),
  botToken: z.string().min(1),
  appUrl: z.url().optional(),
  teamId: z
    .string()
    .regex(/^[TE][A-Z0-9]+$/)
    .optional(),
  verificationToken: z.string().optional(),
});

export interface SlackEmulator {
  state: WorkspaceState;
  driver: SlackDriver;
  /** Node request handler: answers /api/*, /response-url/*, /upload/*; false for other paths. */
  handle: RequestHandler;
  /** Starts a standalone server on 127.0.0.1 (port 0 = any free port). */
  listen(port?: number): Promise<RunningServer>;
  /** `<base>/api/` - give it to WebClient as slackApiUrl. */
  readonly apiUrl: string;
  readonly baseUrl: string;
  setAppUrl(url: string): void;
  /** Where the app reaches the emulator, when it is mounted in another server. */
  setBaseUrl(url: string): void;
  /** The next `times` calls of `method` (or '*') get this failure instead of an answer, after `after` that do not. */
  failNext(method: string, fault: Fault, times?: number, after?: number): void;
  calls(method?: string): CallLogEntry[];
  /** Registers another token (e.g. a user token) for a user. */
  addToken(token: string, userId: string): void;
  /** A fresh trigger_id for a user, as an interaction would carry (the driver does this itself). */
  issueTriggerId(userId: string): string;
}

export function createSlackEmulator(options: SlackEmulatorOptions): SlackEmulator {
  const valid = optionsSchema.parse(options);
  const clock = options.clock ?? Date.now;
  const baseSeed = options.seed ?? DEMO_SEED;
  const seed = valid.teamId ? seedForTeam(baseSeed, valid.teamId) : baseSeed;
  const state = new WorkspaceState({ ...seed.team }, { ...seed.bot }, clock);
  for (const user of seed.users) state.addUser(structuredClone(user));
  for (const channel of seed.channels) state.addChannel(structuredClone(channel));

  const triggers = new TriggerRegistry(clock);
  const responseUrls = new ResponseUrlRegistry(clock);
  const faults = new FaultQueue();
  const tokens = new Map<string, Caller>([
    [valid.botToken, { token: valid.botToken, userId: seed.bot.userId, isBot: true }],
  ]);
  let appUrl = valid.appUrl;
  let baseUrl: string | undefined;
  const effectiveBase = () => baseUrl ?? (appUrl ? new URL(appUrl).origin : 'http://127.0.0.1');

  const handle = createRequestHandler({
    state,
    triggers,
    responseUrls,
    faults,
    tokens,
    baseUrl: () => baseUrl,
  });
  const driver = createDriver({
    state,
    triggers,
    responseUrls,
    transport: { signingSecret: valid.signingSecret, appUrl: () => appUrl },
    baseUrl: effectiveBase,
    verificationToken: valid.verificationToken ?? 'local-verification-token',
  });

  return {
    state,
    driver,
    handle,
    async listen(port = 0) {
      const server = await listen(handle, port);
      baseUrl ??= server.url;
      return server;
    },
    get apiUrl() {
      return `${effectiveBase()}/api/`;
    },
    get baseUrl() {
      return effectiveBase();
    },
    setAppUrl(url) {
      appUrl = z.url().parse(url);
    },
    setBaseUrl(url) {
      baseUrl = z.url().parse(url).replace(/\/$/, '');
    },
    failNext: (method, fault, times = 1, after = 0) => faults.failNext(method, fault, times, after),
    calls: (method) => state.calls(method),
    issueTriggerId: (userId) => triggers.issue(userId),
    addToken(token, userId) {
      tokens.set(token, { token, userId, isBot: state.users.get(userId)?.isBot ?? false });
    },
  };
}

/** A random signing secret and bot token for one local run. */
export function randomCredentials(): { signingSecret: string; botToken: string } {
  return {
    signingSecret: randomBytes(16).toString('hex'),
    botToken: `xoxb-local-${randomBytes(12).toString('hex')}`,
  };
}
