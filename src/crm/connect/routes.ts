import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CrmConfig } from '../../config/crm.js';
import type { CrmProvider } from '../../domain/crm/types.js';
import type { AppLogger } from '../../logger.js';
import { exchangeHubSpotCode, hubspotAuthorizeUrl } from '../hubspot/oauth.js';
import { exchangeAuthorizationCode, salesforceAuthorizeUrl } from '../salesforce/web-flow.js';
import type { CrmSession, CrmSessionStore } from '../token-store.js';
import { type ConnectFailure, connectedPage, connectFailedPage } from './pages.js';
import { type ConnectState, type ConnectStateSigner, STATE_TTL_MS } from './state.js';

export const CONNECT_COOKIE = 'sv_crm_connect';
const PATH = /^\/crm\/(salesforce|hubspot)\/(connect|callback)$/;

export interface ConnectRouteDeps {
  config: CrmConfig;
  sessions: CrmSessionStore;
  signer: ConnectStateSigner;
  /** Claims a key once (the idempotency repository): the state's nonce is good for one callback. */
  claim(teamId: string, key: string, now: Date, ttlSeconds: number): Promise<boolean>;
  now: () => Date;
  publicUrl: () => string;
  logger: AppLogger;
  onConnected(state: ConnectState, session: CrmSession): Promise<void>;
}

export const callbackUrl = (publicUrl: string, provider: CrmProvider) =>
  `${publicUrl}/crm/${provider}/callback`;

/** Which CRMs this install connects by an admin signing in (Salesforce web-server flow, HubSpot OAuth app). */
export function connectableProviders(config: CrmConfig): CrmProvider[] {
  return [
    ...(config.salesforce?.auth.kind === 'web' ? (['salesforce'] as const) : []),
    ...(config.hubspot?.oauth && !config.hubspot.accessToken ? (['hubspot'] as const) : []),
  ];
}

function cookieOf(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

function html(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res
    .writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      ...headers,
    })
    .end(body);
}

/**
 * GET /crm/{salesforce,hubspot}/connect starts the OAuth flow with PKCE (from the link an admin got in Slack) and
 * binds it to this browser with a cookie; GET /crm/{provider}/callback checks the signed state (team, admin,
 * expiry), the cookie and single use, exchanges the code and stores the tokens sealed for that team.
 */
export function crmConnectRoutes(deps: ConnectRouteDeps) {
  const connectable = connectableProviders(deps.config);
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://local');
    const match = PATH.exec(url.pathname);
    if (!match) return false;
    const provider = match[1] as CrmProvider;
    const step = match[2];
    if (req.method !== 'GET') {
      res.writeHead(405, { allow: 'GET' }).end();
      return true;
    }
    const fail = (why: ConnectFailure, status = 400) => html(res, status, connectFailedPage(provider, why));
    if (!connectable.includes(provider)) {
      fail('not_configured', 404);
      return true;
    }
    const now = deps.now();
    const checked = deps.signer.verify(url.searchParams.get('state') ?? '', now);
    if (!checked.ok || checked.state.provider !== provider) {
      fail(checked.ok ? 'forged' : checked.reason);
      return true;
    }
    const state = checked.state;
    const base = deps.publicUrl();
    const redirectUri = callbackUrl(base, provider);
    const cookiePath = `/crm/${provider}/`;
    const secure = base.startsWith('https:') ? '; Secure' : '';
    const { verifier, challenge } = deps.signer.pkce(state.nonce);

    if (step === 'connect') {
      const stateParam = url.searchParams.get('state') ?? '';
      const location =
        provider === 'salesforce' && deps.config.salesforce
          ? salesforceAuthorizeUrl(deps.config.salesforce, {
              clientId: deps.config.salesforce.auth.clientId,
              redirectUri,
              challenge,
              state: stateParam,
            })
          : hubspotAuthorizeUrl(deps.config.hubspot?.oauth ?? never(), {
              redirectUri,
              challenge,
              state: stateParam,
            });
      const maxAge = Math.max(1, Math.floor((state.expiresAt.getTime() - now.getTime()) / 1000));
      res
        .writeHead(302, {
          location,
          'cache-control': 'no-store',
          'referrer-policy': 'no-referrer',
          'set-cookie': `${CONNECT_COOKIE}=${state.nonce}; Path=${cookiePath}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`,
        })
        .end();
      return true;
    }

    // The callback.
    if (cookieOf(req, CONNECT_COOKIE) !== state.nonce) {
      fail('other_browser');
      return true;
    }
    const ttl = Math.ceil(STATE_TTL_MS / 1000) * 2;
    if (!(await deps.claim(state.teamId, `crm-oauth-state:${state.nonce}`, now, ttl))) {
      fail('used');
      return true;
    }
    const clearCookie = {
      'set-cookie': `${CONNECT_COOKIE}=; Path=${cookiePath}; Max-Age=0; HttpOnly; SameSite=Lax${secure}`,
    };
    const code = url.searchParams.get('code');
    if (url.searchParams.has('error') || !code) {
      html(res, 400, connectFailedPage(provider, 'denied'), clearCookie);
      return true;
    }
    let session: CrmSession;
    try {
      session =
        provider === 'salesforce'
          ? await exchangeAuthorizationCode(deps.config.salesforce ?? never(), {
              code,
              verifier,
              redirectUri,
            })
          : await exchangeHubSpotCode(deps.config.hubspot ?? never(), { code, verifier, redirectUri }, now);
    } catch (error) {
      deps.logger.warn(
        `CRM connect failed for team ${state.teamId} (${provider}): ${error instanceof Error ? error.message : 'error'}`,
      );
      html(res, 400, connectFailedPage(provider, 'exchange_failed'), clearCookie);
      return true;
    }
    await deps.sessions.save(state.teamId, provider, session);
    deps.logger.info(`CRM connected: team ${state.teamId}, ${provider}, by ${state.userId}`);
    await deps
      .onConnected(state, session)
      .catch((error: unknown) => deps.logger.warn('after connecting the CRM', error));
    html(res, 200, connectedPage(provider), clearCookie);
    return true;
  };
  // Every request to the app passes here: only paths under /crm/ are looked at.
  return (req: IncomingMessage, res: ServerResponse): Promise<boolean> | false =>
    req.url?.startsWith('/crm/') ? handle(req, res) : false;
}

function never(): never {
  throw new Error('CRM connect route reached without its configuration');
}
