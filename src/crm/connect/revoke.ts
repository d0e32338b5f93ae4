import type { CrmConfig } from '../../config/crm.js';
import type { CrmProvider } from '../../domain/crm/types.js';
import { trimEndOf } from '../../domain/text/trim-end.js';
import { HUBSPOT_TOKEN_PATH } from '../hubspot/oauth.js';
import type { CrmSession } from '../token-store.js';

/** HubSpot's date-versioned revoke endpoint (replaces DELETE /oauth/v1/refresh-tokens/{token}). */
export const HUBSPOT_REVOKE_PATH = `${HUBSPOT_TOKEN_PATH}/revoke`;

/** What the CRM said when asked to revoke the app's grant; never carries a token. */
export type RevokeOutcome =
  | { kind: 'revoked' }
  /** Nothing to revoke there (no refresh token was stored). */
  | { kind: 'nothing' }
  | { kind: 'failed'; why: string };

async function postForm(url: string, form: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams(form).toString(),
    signal: AbortSignal.timeout(10_000),
  });
}

/** The CRM's own error code (`invalid_token`, `BAD_REQUEST`…), never the token itself. */
async function reasonOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  const code = body.error ?? body.status;
  return typeof code === 'string' && /^[\w.-]{1,60}$/.test(code)
    ? `${code} (HTTP ${response.status})`
    : `HTTP ${response.status}`;
}

/**
 * Revokes the app's grant at the CRM, best effort:
 * - Salesforce: POST {instance}/services/oauth2/revoke with the refresh token, which also revokes every access
 *   token issued from it (200 on success, 400 `invalid_token` / `unsupported_token_type`).
 * - HubSpot: POST /oauth/2026-03/token/revoke (form body: token, token_type_hint=refresh_token, client_id,
 *   client_secret). It deletes the refresh token; access tokens already issued live out their 30 minutes.
 */
export async function revokeAtCrm(
  config: CrmConfig,
  provider: CrmProvider,
  session: CrmSession,
): Promise<RevokeOutcome> {
  if (!session.refreshToken) return { kind: 'nothing' };
  try {
    let response: Response;
    if (provider === 'salesforce') {
      const base = session.instanceUrl || config.salesforce?.loginUrl || '';
      response = await postForm(`${trimEndOf(base, '/')}/services/oauth2/revoke`, {
        token: session.refreshToken,
      });
    } else {
      const hubspot = config.hubspot;
      if (!hubspot?.oauth) return { kind: 'failed', why: 'no HubSpot app is configured' };
      response = await postForm(`${hubspot.apiUrl}${HUBSPOT_REVOKE_PATH}`, {
        token: session.refreshToken,
        token_type_hint: 'refresh_token',
        client_id: hubspot.oauth.clientId,
        client_secret: hubspot.oauth.clientSecret,
      });
    }
    if (response.ok) {
      await response.body?.cancel();
      return { kind: 'revoked' };
    }
    return { kind: 'failed', why: await reasonOf(response) };
  } catch {
    return { kind: 'failed', why: 'the CRM could not be reached' };
  }
}
