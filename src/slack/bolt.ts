import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import { type RetryOptions, WebClient } from '@slack/web-api';
import type { Egress } from '../http/egress.js';
import type { AppMetrics } from '../http/metrics.js';
import type { AppLogger } from '../logger.js';
import type { AppDeps } from './deps.js';
import type { TeamClientLookup } from './flows/team-clients.js';
import { type OAuthConnection, oauthReceiver } from './install/oauth-receiver.js';
import { singleWorkspaceAuthorize } from './install/single-workspace-authorize.js';
import { installedTeamClients, singleTeamClients } from './install/team-clients.js';
import { registerListeners } from './listeners/index.js';
import { ensureAck, InFlightCounter } from './middleware/ensure-ack.js';
import { refuseForeignUsers } from './middleware/foreign-users.js';
import { routeListeners } from './middleware/listener-router.js';
import { processEventErrorHandler } from './middleware/receiver-errors.js';
import { observeRequests } from './middleware/request-observer.js';
import { pipeline } from './middleware/request-pipeline.js';

/** Enough to ride out a 429 or a short Slack outage without holding a listener for half an hour. */
export const WEB_API_RETRY: RetryOptions = {
  retries: 5,
  factor: 2,
  minTimeout: 500,
  maxTimeout: 10_000,
  randomize: true,
};

export type BoltConnection =
  | { kind: 'http'; botToken: string; signingSecret: string; apiUrl: string | undefined }
  | OAuthConnection
  | { kind: 'socket'; botToken: string; appToken: string; apiUrl: string | undefined };

export interface BoltSetup {
  app: App;
  /** HTTP mode only: mount `receiver.requestListener` on the app's HTTP server at /slack/events. */
  receiver: HTTPReceiver | null;
  inFlight: InFlightCounter;
  /** Socket Mode only: whether the WebSocket is connected now (what /readyz reports). */
  socketConnected: () => boolean;
  /** Each team's own Web API client, for scheduled jobs (never one global client when installed in many). */
  teamClients: TeamClientLookup;
}

/** What the composition root adds around Bolt: the outbound proxy and the metrics. */
export interface BoltRuntime {
  egress?: Egress | null;
  metrics?: AppMetrics;
}

export function createBoltApp(
  connection: BoltConnection,
  deps: AppDeps,
  logger: AppLogger,
  runtime: BoltRuntime = {},
): BoltSetup {
  const boltLogger = logger.child('bolt');
  const clientOptions = {
    ...(connection.apiUrl ? { slackApiUrl: connection.apiUrl } : {}),
    retryConfig: WEB_API_RETRY,
    logger: logger.child('web-api'),
    ...(runtime.egress ? { fetch: runtime.egress.fetch } : {}),
  };
  const inFlight = new InFlightCounter();
  let app: App;
  let receiver: HTTPReceiver | null = null;
  let socketConnected = false;
  // One bot token (not installed in many workspaces): its client for scheduled jobs, and Bolt's authorisation.
  const botClient = connection.kind === 'oauth' ? null : new WebClient(connection.botToken, clientOptions);
  const single =
    botClient && connection.kind !== 'oauth'
      ? singleWorkspaceAuthorize(botClient, connection.botToken, boltLogger)
      : null;
  // convoStore: false: Bolt's conversation store (context.conversation) is unused here, and its middleware made an
  // Error with a stack trace for every request of a channel it had not seen.
  const receiverExtras = {
    // The HTTP server's request id (X-Request-Id) follows the request into Bolt's context and the logs.
    customPropertiesExtractor: (req: { headers: Record<string, string | string[] | undefined> }) => ({
      requestId: req.headers['x-request-id'],
    }),
    processEventErrorHandler: processEventErrorHandler(boltLogger),
  };
  if (connection.kind === 'oauth') {
    receiver = oauthReceiver(connection, deps.repos, boltLogger, clientOptions, receiverExtras, deps.clock);
    app = new App({
      receiver,
      logger: boltLogger,
      logLevel: logger.getLevel(),
      clientOptions,
      convoStore: false,
    });
  } else if (connection.kind === 'http') {
    receiver = new HTTPReceiver({
      signingSecret: connection.signingSecret,
      endpoints: '/slack/events',
      logger: boltLogger,
      processBeforeResponse: false,
      unhandledRequestTimeoutMillis: 2_900,
      ...receiverExtras,
    });
    app = new App({
      authorize: single!.authorize,
      receiver,
      logger: boltLogger,
      logLevel: logger.getLevel(),
      clientOptions,
      convoStore: false,
    });
  } else {
    // Built here rather than by App so the WebSocket goes through the proxy and its state is visible.
    const socket = new SocketModeReceiver({
      appToken: connection.appToken,
      logger: boltLogger,
      logLevel: logger.getLevel(),
      ...(runtime.egress ? { dispatcher: runtime.egress.dispatcher } : {}),
    });
    socket.client.on('connected', () => {
      socketConnected = true;
    });
    for (const state of ['disconnected', 'reconnecting', 'disconnecting']) {
      socket.client.on(state, () => {
        socketConnected = false;
      });
    }
    app = new App({
      authorize: single!.authorize,
      receiver: socket,
      logger: boltLogger,
      logLevel: logger.getLevel(),
      clientOptions,
      convoStore: false,
    });
  }
  app.error(async (error) => {
    logger.error('unhandled Bolt error', error);
  });
  const router = routeListeners(app);
  registerListeners(router.app, deps);
  app.use(
    pipeline(
      ensureAck(logger.child('listeners'), inFlight),
      refuseForeignUsers(logger.child('slack-connect')),
      router.dispatch,
    ),
  );
  if (runtime.metrics) observeRequests(app, logger, runtime.metrics);
  const teamClients = botClient
    ? singleTeamClients(botClient, deps.repos)
    : installedTeamClients(receiver!.installer!, deps.repos, clientOptions, logger.child('team-clients'));
  if (botClient) {
    // With `authorize`, Bolt's own app.client has no token; code outside a request (jobs, tests) expects the bot's.
    app.client = botClient;
    single?.warm();
  }
  return { app, receiver, inFlight, socketConnected: () => socketConnected, teamClients };
}
