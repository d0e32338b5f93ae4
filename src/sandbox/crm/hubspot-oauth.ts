import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sendJson } from '../emulator/http.js';
import { sendConsentPage, sendDenied } from './consent.js';
import type { HubSpotState } from './state.js';

export const HUBSPOT_AUTHORIZE_PATH = '/oauth/authorize';
export const HUBSPOT_TOKEN_PATH = '/oauth/2026-03/token';
export const HUBSPOT_REVOKE_PATH = `${HUBSPOT_TOKEN_PATH}/revoke`;

const badRequest = (res: ServerResponse, message: string) =>
  sendJson(res, 400, { status: 'BAD_REQUEST', message, correlationId: randomUUID() });

/**
 * /oauth/authorize (app.hubspot.com in real life): with `ask`, a GET shows the consent page whose form posts back
 * with `decision`; without, the portal's user approves at once. Allow sends them back to the redirect URI with a
 * single-use code, Deny with `error=access_denied`. The emulator insists on S256 PKCE, as the app always sends it.
 */
export function hubspotAuthorize(
  state: HubSpotState,
  res: ServerResponse,
  search: URLSearchParams,
  ask = false,
) {
  const redirectUri = search.get('redirect_uri') ?? '';
  const challenge = search.get('code_challenge') ?? '';
  if (search.get('client_id') !== state.oauth.clientId) return badRequest(res, 'Invalid client_id');
  if (!/^https?:\/\//.test(redirectUri)) return badRequest(res, 'Invalid redirect_uri');
  if (!(search.get('scope') ?? '').split(' ').includes('crm.objects.deals.read'))
    return badRequest(res, 'Missing required scopes');
  if (search.get('code_challenge_method') !== 'S256' || !/^[\w-]{43}$/.test(challenge))
    return badRequest(res, 'Invalid code_challenge');
  const decision = search.get('decision');
  if (ask && decision === null) {
    return sendConsentPage(res, {
      crm: `HubSpot (portal ${state.oauth.portalId})`,
      path: HUBSPOT_AUTHORIZE_PATH,
      scopes: (search.get('scope') ?? '').split(' ').filter(Boolean),
      search,
    });
  }
  if (decision !== null && decision !== 'allow') return sendDenied(res, redirectUri, search.get('state'));
  const code = randomUUID();
  state.oauth.codes.set(code, { challenge, redirectUri });
  const back = new URL(redirectUri);
  back.searchParams.set('code', code);
  const returned = search.get('state');
  if (returned !== null) back.searchParams.set('state', returned);
  res.writeHead(302, { location: back.toString() }).end();
}

/** POST /oauth/2026-03/token: authorization_code (with the PKCE verifier) and refresh_token grants, form body only. */
export function hubspotToken(
  state: HubSpotState,
  res: ServerResponse,
  form: Record<string, string>,
  search: URLSearchParams,
  now: number,
) {
  const oauth = state.oauth;
  oauth.tokenRequests.push({ grant: form.grant_type ?? '' });
  if ([...search.keys()].length > 0) return badRequest(res, 'Parameters must be sent in the request body');
  if (form.client_id !== oauth.clientId || form.client_secret !== oauth.clientSecret)
    return badRequest(res, 'Invalid client credentials');
  let refreshToken: string;
  if (form.grant_type === 'authorization_code') {
    const issued = oauth.codes.get(form.code ?? '');
    oauth.codes.delete(form.code ?? '');
    if (!issued) return badRequest(res, 'Invalid authorization code');
    if (issued.redirectUri !== form.redirect_uri) return badRequest(res, 'redirect_uri does not match');
    const digest = createHash('sha256')
      .update(form.code_verifier ?? '')
      .digest('base64url');
    if (digest !== issued.challenge) return badRequest(res, 'Invalid code_verifier');
    refreshToken = randomUUID();
    oauth.refreshTokens.add(refreshToken);
  } else if (form.grant_type === 'refresh_token') {
    if (!oauth.refreshTokens.has(form.refresh_token ?? '')) return badRequest(res, 'Invalid refresh token');
    refreshToken = form.refresh_token ?? '';
  } else {
    return badRequest(res, 'Unsupported grant_type');
  }
  const accessToken = `CK${randomBytes(30).toString('base64url')}`;
  oauth.accessTokens.set(accessToken, now + oauth.expiresIn * 1000);
  return sendJson(res, 200, {
    access_token: accessToken,
    refresh_token: refreshToken,
    expires_in: oauth.expiresIn,
    token_type: 'bearer',
    hub_id: oauth.portalId,
  });
}

/** A private-app token, or an OAuth access token that has not expired. */
export function hubspotTokenValid(state: HubSpotState, token: string | undefined, now: number): boolean {
  if (!token) return false;
  if (token === state.token) return true;
  const expires = state.oauth.accessTokens.get(token);
  return expires !== undefined && expires > now;
}

/**
 * POST /oauth/2026-03/token/revoke (form body: token, token_type_hint, client_id, client_secret): deletes the
 * refresh token. As HubSpot documents, access tokens already issued keep working until they expire.
 */
export function hubspotRevoke(
  state: HubSpotState,
  res: ServerResponse,
  form: Record<string, string>,
  search: URLSearchParams,
) {
  const oauth = state.oauth;
  if ([...search.keys()].length > 0) return badRequest(res, 'Parameters must be sent in the request body');
  if (form.client_id !== oauth.clientId || form.client_secret !== oauth.clientSecret)
    return badRequest(res, 'Invalid client credentials');
  if (!oauth.refreshTokens.delete(form.token ?? '')) return badRequest(res, 'Invalid refresh token');
  oauth.revoked.push(form.token ?? '');
  res.writeHead(200, { 'content-length': '0' }).end();
}
