import type { App } from '@slack/bolt';
import type { AppConfig } from './config/config.js';
import { type CrmConnectOptions, crmFromConfig } from './crm/create.js';
import { createMessageClassifier } from './domain/classifier/classify.js';
import { DEFAULT_LISTEN_AI_DAILY_CAP } from './domain/classifier/second-opinion.js';
import { createModelGate, DEFAULT_MODEL_LIMITS, type ModelLimits } from './domain/model-gate.js';
import { createEgress } from './http/egress.js';
import { loopbackOnly } from './http/loopback-host.js';
import {
  type AppMetrics,
  countDraftFallbacks,
  createMetrics,
  metricsRoute,
  reasonLabel,
} from './http/metrics.js';
import { observedModelFetch } from './http/model-fetch.js';
import { readinessRoute } from './http/readiness.js';
import {
  type AppServer,
  healthRoute,
  type RouteHandler,
  slackEventsRoute,
  startServer,
} from './http/server.js';
import { listenJudgeFor } from './llm/listen-judge.js';
import { nextStepWriterFor } from './llm/nudge-writer.js';
import { createRecapExtractor } from './llm/recap-extractor.js';
import { type AppLogger, createLogger } from './logger.js';
import { createChronoWhenReader } from './nlp/chrono-when.js';
import { sharedWinkAnalyzer } from './nlp/wink-analyzer.js';
import { createLocalCrm } from './sandbox/crm/local-crm.js';
import { createLocalSlack, type LocalSlack } from './sandbox/local-slack.js';
import { type AppScheduler, startScheduler } from './scheduling/scheduler.js';
import { askerFromConfig } from './services/ask.js';
import { crmAppDeps } from './services/crm/link.js';
import { draftingFromConfig } from './services/drafts-provider.js';
import { offThreadOfflineExtractor, RecapTextRunner } from './services/recap-off-thread.js';
import { type BoltConnection, createBoltApp } from './slack/bolt.js';
import type { AppDeps } from './slack/deps.js';
import { announceCrmConnected } from './slack/flows/crm-connect.js';
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
  /** Prometheus metrics served on /metrics. */
  metrics: AppMetrics;
  stop(): Promise<void>;
}

export interface StartOptions {
  logger?: AppLogger;
  clock?: () => Date;
  /** Host to bind; default 127.0.0.1 in local mode, all interfaces when connected to Slack. */
  host?: string;
  /** Start the timers: weekly nudges and recap prompts (main.ts does; tests only when they ask). */
  scheduler?: boolean;
  /** Model calls in flight, for the app and per person; default DEFAULT_MODEL_LIMITS. */
  modelLimits?: ModelLimits;
}

/** Composition root: config -> storage -> services -> Bolt -> HTTP server. Nothing else wires dependencies. */
export async function startApp(config: AppConfig, options: StartOptions = {}): Promise<RunningApp> {
  const logger = options.logger ?? createLogger(config.logLevel, undefined, undefined, config.logFormat);
  const clock = options.clock ?? (() => new Date());
  const metrics = createMetrics();
  const storageLogger = logger.child('storage');
  const storage = await openStorage(config.database, {
    clock,
    onQueryError: () => metrics.dbErrors.inc({ source: 'query' }),
    ...(config.slack.kind === 'oauth' ? { tokenEncryptionKey: config.slack.tokenEncryptionKey } : {}),
    onConnectionError: (error) =>
      storageLogger.warn(`database connection dropped, reconnecting on next use: ${error.message}`),
  });
  // Its worker thread starts with the first recap (about 60 ms, after the ack), not at start: ~8 MB less at idle.
  const recapText = new RecapTextRunner();
  // Outbound traffic: through HTTPS_PROXY/NO_PROXY when set; model calls counted in /metrics.
  const egress = createEgress(config.proxy);
  const openai = config.openai
    ? { ...config.openai, fetch: observedModelFetch(metrics, egress?.fetch ?? globalThis.fetch) }
    : null;
  const fellBack = (feature: string, reason: string) =>
    metrics.modelFallbacks.inc({ feature, reason: reasonLabel(reason) });
  // The model second opinion on unsure messages: only with a model (the offline provider gives none).
  const listenJudge = listenJudgeFor(openai);
  const deps: AppDeps = {
    repos: storage.repos,
    modelGate: createModelGate(options.modelLimits ?? DEFAULT_MODEL_LIMITS),
    logger,
    clock,
    readWhen: createChronoWhenReader(),
    nextStepWriter: nextStepWriterFor(openai, (reason) => {
      fellBack('nudge', reason);
      logger.warn(`nudge next step: template used (${reason})`);
    }),
    drafting: countDraftFallbacks(draftingFromConfig(openai, logger), metrics),
    recapExtractor: createRecapExtractor(
      openai,
      (reason) => {
        fellBack('recap', reason);
        logger.warn(`recap extraction fell back to offline: ${reason}`);
      },
      offThreadOfflineExtractor(recapText),
    ),
    asker: askerFromConfig(openai, logger),
    messageClassifier: createMessageClassifier(sharedWinkAnalyzer()),
    ...(listenJudge
      ? {
          listenSecondOpinion: {
            ...listenJudge,
            dailyCap: config.listenAiDailyCap ?? DEFAULT_LISTEN_AI_DAILY_CAP,
            onFallback: (reason: string) => fellBack('listen', reason),
          },
        }
      : {}),
    parseTranscript: (text) => recapText.parseTranscript(text),
    ...(config.slackFileOrigins ? { extraFileOrigins: config.slackFileOrigins } : {}),
    purgeGraceDays: config.purgeGraceDays,
  };
  // The OAuth callbacks' public origin: CRM_OAUTH_BASE_URL, else this server's own URL once it listens.
  let ownUrl = `http://127.0.0.1:${config.port}`;
  const crmConnect: CrmConnectOptions = {
    claim: (teamId, key, now, ttlSeconds) => storage.repos.idempotency.claim(teamId, key, now, ttlSeconds),
    publicUrl: () => config.crm?.publicUrl ?? ownUrl,
    logger: logger.child('crm'),
    onConnected: async ({ teamId, userId, provider }) => {
      const client = await bolt?.teamClients(teamId);
      if (client) await announceCrmConnected(deps, client, { userId, provider });
    },
  };
  const crm = crmFromConfig(config.crm, storage.repos.crm, { now: clock, connect: crmConnect });
  if (crm) Object.assign(deps, crmAppDeps(crm, deps));

  // Local mode: the app talks to the built-in emulator, mounted on the same server, with a per-run secret.
  const localSlack = config.slack.kind === 'local' ? await createLocalSlack({ clock }) : null;
  // Local mode with no CRM configured: a demo Salesforce org and HubSpot portal on the same loopback server.
  const localCrm = localSlack && !crm ? createLocalCrm({ now: clock }) : null;
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

  let boltMounted = false;
  let bolt: ReturnType<typeof createBoltApp> | null = null;
  const routes: RouteHandler[] = [
    ...(localSlack ? [loopbackOnly] : []),
    healthRoute(storage.ping, storage.engine),
    readinessRoute({
      engine: storage.engine,
      ping: storage.ping,
      pendingMigrations: storage.pendingMigrations,
      slack: () =>
        config.slack.kind === 'socket'
          ? { mode: 'socket', up: bolt?.socketConnected() ?? false }
          : { mode: config.slack.kind, up: boltMounted },
      onDatabaseError: () => metrics.dbErrors.inc({ source: 'ping' }),
    }),
    metricsRoute(metrics),
    ...(crm?.connect ? [crm.connect.handle] : []),
  ];
  if (localSlack) routes.push(localSlack.handle, localSlack.sandbox.handle);
  // The demo CRM's connect routes (known once the port is), before the emulator, which serves the rest of /crm/.
  let localConnect: RouteHandler = () => false;
  if (localCrm) routes.push((req, res) => localConnect(req, res), localCrm.handle);
  let server: AppServer | null = null;
  try {
    // The emulator's URL depends on the port actually bound, so the server starts before Bolt is built.
    let boltListener: RouteHandler = () => false;
    routes.push((req, res) => boltListener(req, res));
    // Local mode has no Slack signatures to protect it and lets anyone act as any demo user: loopback only.
    const host = options.host ?? (config.slack.kind === 'local' ? '127.0.0.1' : '0.0.0.0');
    server = await startServer(config.port, routes, logger, host);
    ownUrl = server.url;
    const boundPort = Number(new URL(server.url).port);
    const finalConnection =
      localSlack && connection.kind === 'http'
        ? { ...connection, apiUrl: `http://127.0.0.1:${boundPort}/api/` }
        : connection;
    if (localCrm) {
      const origin = `http://127.0.0.1:${boundPort}`;
      const local = crmFromConfig(localCrm.config(origin), storage.repos.crm, {
        now: clock,
        connect: crmConnect,
      });
      if (local) Object.assign(deps, crmAppDeps(local, deps));
      if (local?.connect) localConnect = local.connect.handle;
      const records = localCrm.demoRecords(origin).map((r) => `${r.label}: ${r.url}`);
      logger.info(
        `local CRM emulator: as Morgan Manager (a workspace admin) run /vision crm connect salesforce (or hubspot) and approve on its consent page; then paste one of these in /vision setup → CRM link\n  ${records.join('\n  ')}`,
      );
    }
    // The local emulator is on loopback: never through the proxy.
    bolt = createBoltApp(finalConnection, deps, logger, { egress: localSlack ? null : egress, metrics });
    if (bolt.receiver) {
      const paths = config.slack.kind === 'oauth' ? SLACK_HTTP_PATHS_WITH_INSTALL : undefined;
      boltListener = slackEventsRoute(bolt.receiver.requestListener, logger.child('http'), paths);
      boltMounted = true;
    } else await bolt.app.start();
    localSlack?.connect(`${server.url}/slack/events`);
  } catch (error) {
    await server?.close();
    await storage.close();
    await egress?.close();
    throw error;
  }

  const setup = bolt;
  const scheduler: AppScheduler | null = options.scheduler
    ? startScheduler({
        deps,
        client: setup.teamClients,
        onNudgeRun: (sent, failed) => {
          metrics.nudges.inc({ outcome: 'sent' }, sent);
          metrics.nudges.inc({ outcome: 'failed' }, failed);
        },
      })
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
    metrics,
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
      await egress?.close();
      await recapText.close();
      logger.info('stopped');
    },
  };
}
