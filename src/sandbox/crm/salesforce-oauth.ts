import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sendJson } from '../emulator/http.js';
import { sendConsentPage, sendDenied } from './consent.js';
import type { SalesforceState } from './state.js';

/**
 * /services/oauth2/authorize of the web-server flow: with `ask`, a GET shows the consent page and its form posts
 * back with `decision`; without, the user approves at once. Allow sends them back to the redirect URI with a
 * single-use code, Deny with `error=access_denied`. PKCE (S256) is required, as on a connected app that enforces it.
 */
export function salesforceAuthorize(
  state: SalesforceState,
  res: ServerResponse,
  search: URLSearchParams,
  ask = false,
) {
  const redirectUri = search.get('redirect_uri') ?? '';
  const challenge = search.get('code_challenge') ?? '';
  const fail = (description: string) =>
    sendJson(res, 400, { error: 'invalid_request', error_description: description });
  if (search.get('response_type') !== 'code') return fail('unsupported response_type');
  if (search.get('client_id') !== state.clientId) return fail('client identifier invalid');
  if (!/^https?:\/\//.test(redirectUri)) return fail('redirect_uri must match configuration');
  if (search.get('code_challenge_method') !== 'S256' || !/^[\w-]{43}$/.test(challenge))
    return fail('missing required code challenge');
  const decision = search.get('decision');
  if (ask && decision === null) {
    return sendConsentPage(res, {
      crm: 'Salesforce',
      path: '/services/oauth2/authorize',
      scopes: (search.get('scope') ?? '').split(' ').filter(Boolean),
      search,
    });
  }
  if (decision !== null && decision !== 'allow') return sendDenied(res, redirectUri, search.get('state'));
  const code = randomBytes(24).toString('base64url');
  state.authCodes.set(code, { challenge, redirectUri, clientId: state.clientId });
  const back = new URL(redirectUri);
  back.searchParams.set('code', code);
  const returned = search.get('state');
  if (returned !== null) back.searchParams.set('state', returned);
  res.writeHead(302, { location: back.toString() }).end();
}

/** The authorization_code grant: the code once, for the same redirect URI, with the verifier of its challenge. */
export function authorizationCodeProblem(
  state: SalesforceState,
  form: Record<string, string>,
): string | null {
  const issued = state.authCodes.get(form.code ?? '');
  state.authCodes.delete(form.code ?? '');
  if (!issued) return 'invalid authorization code';
  if (form.client_id !== issued.clientId) return 'client identifier invalid';
  if (form.redirect_uri !== issued.redirectUri) return 'redirect_uri must match configuration';
  const verified = createHash('sha256')
    .update(form.code_verifier ?? '')
    .digest('base64url');
  return verified === issued.challenge ? null : 'invalid code verifier';
}

/**
 * POST /services/oauth2/revoke (form `token=`): a refresh token is revoked with every access token issued from
 * it; an access token alone is invalidated. 200 with an empty body; 400 `invalid_token` for an unknown token.
 */
export function salesforceRevoke(state: SalesforceState, res: ServerResponse, form: Record<string, string>) {
  const token = form.token ?? '';
  if (state.refreshTokens.delete(token)) {
    for (const [access, from] of state.issuedFrom) {
      if (from !== token) continue;
      state.accessTokens.delete(access);
      state.issuedFrom.delete(access);
    }
  } else if (!state.accessTokens.delete(token)) {
    return sendJson(res, 400, { error: 'invalid_token', error_description: 'invalid token' });
  }
  state.revoked.push(token);
  res.writeHead(200, { 'content-length': '0' }).end();
}
