import { HTTPReceiver, type HTTPReceiverOptions, type Logger } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { Repositories } from '../../storage/ports.js';
import { installPage, installResultPage } from './install-pages.js';
import { sqlInstallationStore } from './installation-store.js';
import { BOT_SCOPES } from './scopes.js';

export interface OAuthConnection {
  kind: 'oauth';
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  signingSecret: string;
  redirectUri: string | undefined;
  apiUrl: string | undefined;
}

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';
export const SLACK_HTTP_PATHS_WITH_INSTALL = ['/slack/events', INSTALL_PATH, REDIRECT_PATH] as const;

/**
 * Slack's authorize page sits beside its Web API (https://slack.com/api/ -> https://slack.com/oauth/v2/authorize),
 * so an emulator given as SLACK_API_URL serves both.
 */
export function authorizeUrlFor(apiUrl: string | undefined): string {
  return new URL('../oauth/v2/authorize', apiUrl ?? 'https://slack.com/api/').toString();
}

/**
 * Bolt's HTTP receiver with OAuth v2: "Add to Slack" on /slack/install, the redirect on /slack/oauth_redirect
 * (state signed with SLACK_STATE_SECRET and bound to a browser cookie), installations in the app's storage,
 * and each request authorized with its own workspace's token (rotated by Bolt when it is about to expire).
 */
export function oauthReceiver(
  connection: OAuthConnection,
  repos: Repositories,
  logger: Logger,
  clientOptions: Omit<WebClientOptions, 'logLevel' | 'logger'>,
  receiverExtras: Pick<HTTPReceiverOptions, 'customPropertiesExtractor' | 'processEventErrorHandler'> = {},
  clock: () => Date = () => new Date(),
): HTTPReceiver {
  return new HTTPReceiver({
    ...receiverExtras,
    signingSecret: connection.signingSecret,
    endpoints: '/slack/events',
    logger,
    processBeforeResponse: false,
    unhandledRequestTimeoutMillis: 2_900,
    clientId: connection.clientId,
    clientSecret: connection.clientSecret,
    stateSecret: connection.stateSecret,
    scopes: [...BOT_SCOPES],
    installationStore: sqlInstallationStore(repos, clock),
    ...(connection.redirectUri ? { redirectUri: connection.redirectUri } : {}),
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      stateVerification: true,
      directInstall: false,
      authorizationUrl: authorizeUrlFor(connection.apiUrl),
      clientOptions,
      renderHtmlForInstallPath: installPage,
      callbackOptions: {
        success: (_installation, _options, _req, res) => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(installResultPage(true));
        },
        failure: (error, _options, _req, res) => {
          logger.warn(`install failed: ${error.name}: ${error.message}`);
          res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
          res.end(installResultPage(false));
        },
      },
    },
  });
}
