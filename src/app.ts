import type { App } from '@slack/bolt';
import type { AppConfig } from './config/config.js';
import {
  type AppServer,
  healthRoute,
  type RouteHandler,
  slackEventsRoute,
  startServer,
} from './http/server.js';
import { nextStepWriterFor } from './llm/nudge-writer.js';
import { createRecapExtractor } from './llm/recap-extractor.js';
import { type AppLogger, createLogger } from './logger.js';
import { createLocalSlack, type LocalSlack } from './sandbox/local-slack.js';
import { type AppScheduler, startScheduler } from './scheduling/scheduler.js';
import { askerFromConfig } from './services/ask.js';
import { draftingFromConfig } from './services/drafts-provider.js';
import { type BoltConnection, createBoltApp } from './slack/bolt.js';
import type { AppDeps } from './slack/deps.js';
import { SLACK_HTTP_PATHS_WITH_INSTALL } from './slack/install/oauth-receiver.js';
import { openStorage } from './storage/index.js';
import type { Storage } from './storage/ports.js';

export interface RunningApp {
  config: AppConfig;
  storage: Storage;
  bolt: App;
  deps: AppDeps;
  /** Base URL of the HTTP server (health, /slack/events and, in local mode, the emulator and sandbox). */
  url: string;
  /** Local mode only: the built-in Slack emulator the app talks to. */
  localSlack: LocalSlack | null;
  /** The timers (nudges, recap prompts) when started with `{ scheduler: true }`, else null. */
  scheduler: AppScheduler | null;
  stop(): Promise<void>;
}

export interface StartOptions {
  logger?: AppLogger;
  clock?: () => Date;
  /** Host to bind; default 127.0.0.1 in local mode, all interfaces when connected to Slack. */
  host?: string;
  /** Start the timers: weekly nudges and recap prompts (main.ts does; tests only when they ask). */
  scheduler?: boolean;
}

/** Composition root: config -> storage -> services -> Bolt -> HTTP server. Nothing else wires dependencies. */
export async function startApp(config: AppConfig, options: StartOptions = {}): Promise<RunningApp> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? (() => new Date());
  const storage = await openStorage(config.database, {
    clock,
    ...(config.slack.kind === 'oauth' ? { tokenEncryptionKey: config.slack.tokenEncryptionKey } : {}),
  });
  const deps: AppDeps = {
    repos: storage.repos,
    logger,
    clock,
    nextStepWriter: nextStepWriterFor(config.openai, (reason) =>
      logger.warn(`nudge next step: template used (${reason})`),
    ),
    drafting: draftingFromConfig(config.openai, logger),
    recapExtractor: createRecapExtractor(config.openai, (reason) =>
      logger.warn(`recap extraction fell back to offline: ${reason}`),
    ),
    asker: askerFromConfig(config.openai, logger),
    purgeGraceDays: config.purgeGraceDays,
  };

  // Local mode: the app talks to the built-in emulator, mounted on the same server, with a per-run secret.
  const localSlack = config.slack.kind === 'local' ? await createLocalSlack({ clock }) : null;
  const connection: BoltConnection =
    config.slack.kind === 'local'
      ? {
          kind: 'http',
          botToken: localSlack!.botToken,
          signingSecret: localSlack!.signingSecret,
          apiUrl: `http://127.0.0.1:${config.port}/api/`,
        }
      : config.slack.kind === 'http' || config.slack.kind === 'oauth'
        ? config.slack
        : {
            kind: 'socket',
            botToken: config.slack.botToken,
            appToken: config.slack.appToken,
            apiUrl: config.slack.apiUrl,
          };

  const routes: RouteHandler[] = [healthRoute(storage.ping, storage.engine)];
  if (localSlack) routes.push(localSlack.handle, localSlack.sandbox.handle);
  let server: AppServer | null = null;
  let bolt: ReturnType<typeof createBoltApp> | null = null;
  try {
    // The emulator's URL depends on the port actually bound, so the server starts before Bolt is built.
    let boltListener: RouteHandler = () => false;
    routes.push((req, res) => boltListener(req, res));
    // Local mode has no Slack signatures to protect it and lets anyone act as any demo user: loopback only.
    const host = options.host ?? (config.slack.kind === 'local' ? '127.0.0.1' : '0.0.0.0');
    server = await startServer(config.port, routes, logger, host);
    const boundPort = Number(new URL(server.url).port);
    const finalConnection =
      localSlack && connection.kind === 'http'
        ? { ...connection, apiUrl: `http://127.0.0.1:${boundPort}/api/` }
        : connection;
    bolt = createBoltApp(finalConnection, deps, logger);
    if (bolt.receiver) {
      const paths = config.slack.kind === 'oauth' ? SLACK_HTTP_PATHS_WITH_INSTALL : undefined;
      boltListener = slackEventsRoute(bolt.receiver.requestListener, paths);
    } else await bolt.app.start();
    localSlack?.connect(`${server.url}/slack/events`);
  } catch (error) {
    await server?.close();
    await storage.close();
    throw error;
  }

  const setup = bolt;
  const scheduler: AppScheduler | null = options.scheduler
    ? startScheduler({ deps, client: setup.teamClients })
    : null;
  const httpServer = server;
  let stopped = false;
  return {
    config,
    storage,
    bolt: setup.app,
    deps,
    url: httpServer.url,
    localSlack,
    scheduler,
    async stop() {
      if (stopped) return;
      stopped = true;
      logger.info('shutting down: no new requests, finishing in-flight work');
      scheduler?.stop();
      localSlack?.sandbox.close();
      const closing = httpServer.close();
      if (!setup.receiver) await setup.app.stop();
      await setup.inFlight.drain(10_000);
      await closing;
      await storage.close();
      logger.info('stopped');
    },
  };
}
