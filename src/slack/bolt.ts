import { App, HTTPReceiver } from '@slack/bolt';
import type { RetryOptions } from '@slack/web-api';
import type { AppLogger } from '../logger.js';
import type { TeamClientLookup } from '../scheduling/team-clients.js';
import type { AppDeps } from './deps.js';
import { type OAuthConnection, oauthReceiver } from './install/oauth-receiver.js';
import { installedTeamClients, singleTeamClients } from './install/team-clients.js';
import { registerListeners } from './listeners/index.js';
import { ensureAck, InFlightCounter } from './middleware/ensure-ack.js';
import { refuseForeignUsers } from './middleware/foreign-users.js';

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
  /** Each team's own Web API client, for scheduled jobs (never one global client when installed in many). */
  teamClients: TeamClientLookup;
}

export function createBoltApp(connection: BoltConnection, deps: AppDeps, logger: AppLogger): BoltSetup {
  const boltLogger = logger.child('bolt');
  const clientOptions = {
    ...(connection.apiUrl ? { slackApiUrl: connection.apiUrl } : {}),
    retryConfig: WEB_API_RETRY,
    logger: logger.child('web-api'),
  };
  const inFlight = new InFlightCounter();
  let app: App;
  let receiver: HTTPReceiver | null = null;
  if (connection.kind === 'oauth') {
    receiver = oauthReceiver(connection, deps.repos, boltLogger, clientOptions);
    app = new App({ receiver, logger: boltLogger, logLevel: logger.getLevel(), clientOptions });
  } else if (connection.kind === 'http') {
    receiver = new HTTPReceiver({
      signingSecret: connection.signingSecret,
      endpoints: '/slack/events',
      logger: boltLogger,
      processBeforeResponse: false,
      unhandledRequestTimeoutMillis: 2_900,
    });
    app = new App({
      token: connection.botToken,
      receiver,
      logger: boltLogger,
      logLevel: logger.getLevel(),
      clientOptions,
    });
  } else {
    app = new App({
      token: connection.botToken,
      appToken: connection.appToken,
      socketMode: true,
      logger: boltLogger,
      logLevel: logger.getLevel(),
      clientOptions,
    });
  }
  app.use(ensureAck(logger.child('listeners'), inFlight));
  app.use(refuseForeignUsers(logger.child('slack-connect')));
  app.error(async (error) => {
    logger.error('unhandled Bolt error', error);
  });
  registerListeners(app, deps);
  const teamClients =
    connection.kind === 'oauth' && receiver?.installer
      ? installedTeamClients(receiver.installer, deps.repos, clientOptions, logger.child('team-clients'))
      : singleTeamClients(app.client, deps.repos);
  return { app, receiver, inFlight, teamClients };
}
