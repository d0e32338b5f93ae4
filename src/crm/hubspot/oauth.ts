import type { HubSpotConfig, HubSpotOAuthConfig } from '../../config/crm.js';
import { CrmError } from '../ports.js';
import type { CrmSession } from '../token-store.js';

/**
 * HubSpot's date-versioned OAuth token endpoint (POST /oauth/2026-03/token, every parameter in the form body).
 * It replaces /oauth/v1/token, which HubSpot deprecates on 2027-02-16.
 */
export const HUBSPOT_TOKEN_PATH = '/oauth/2026-03/token';

/** What the app asks a portal for: read deals, contacts and owners; write deals, notes and tasks. */
export const HUBSPOT_SCOPES = [
  'oauth',
  'crm.objects.deals.read',
  'crm.objects.deals.write',
  'crm.objects.contacts.read',
  'crm.objects.owners.read',
  'crm.schemas.deals.read',
] as const;

const RECONNECT_HUBSPOT =
  'A Slack workspace admin can connect HubSpot again with `/vision crm connect hubspot`.';

/** Refresh this long before HubSpot says the access token expires (its tokens live 30 minutes). */
export const REFRESH_MARGIN_MS = 5 * 60_000;

export function hubspotAuthorizeUrl(
  oauth: HubSpotOAuthConfig,
  args: { redirectUri: string; state: string; challenge: string },
): string {
  const url = new URL(oauth.authorizeUrl);
  url.search = new URLSearchParams({
    client_id: oauth.clientId,
    redirect_uri: args.redirectUri,
    scope: HUBSPOT_SCOPES.join(' '),
    state: args.state,
    code_challenge: args.challenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

function oauthOf(config: HubSpotConfig): HubSpotOAuthConfig {
  if (!config.oauth) throw new CrmError('auth', 'HubSpot OAuth is not set up (HUBSPOT_CLIENT_ID).');
  return config.oauth;
}

async function postToken(config: HubSpotConfig, form: Record<string, string>, now: Date) {
  let response: Response;
  try {
    response = await fetch(`${config.apiUrl}${HUBSPOT_TOKEN_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    throw new CrmError('unavailable', 'HubSpot could not be reached to sign in.');
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok || typeof body.access_token !== 'string') {
    const said = typeof body.message === 'string' ? body.message : `HTTP ${response.status}`;
    throw new CrmError('auth', `HubSpot sign-in failed: ${said}`);
  }
  const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 1800;
  const hub = body.hub_id ?? body.hubId;
  return {
    accessToken: body.access_token,
    refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : null,
    expiresAt: new Date(now.getTime() + expiresIn * 1000),
    accountId: typeof hub === 'number' || typeof hub === 'string' ? String(hub) : null,
  };
}

/** The authorization-code grant of the callback, with the PKCE verifier. */
export async function exchangeHubSpotCode(
  config: HubSpotConfig,
  args: { code: string; verifier: string; redirectUri: string },
  now: Date,
): Promise<CrmSession> {
  const oauth = oauthOf(config);
  const token = await postToken(
    config,
    {
      grant_type: 'authorization_code',
      code: args.code,
      code_verifier: args.verifier,
      redirect_uri: args.redirectUri,
      client_id: oauth.clientId,
      client_secret: oauth.clientSecret,
    },
    now,
  );
  if (!token.refreshToken) throw new CrmError('auth', 'HubSpot returned no refresh token.');
  return { ...token, instanceUrl: config.apiUrl };
}

/** A new access token from the stored refresh token (HubSpot may rotate the refresh token too). */
export async function refreshHubSpotToken(
  config: HubSpotConfig,
  session: CrmSession,
  now: Date,
): Promise<CrmSession> {
  const oauth = oauthOf(config);
  if (!session.refreshToken)
    throw new CrmError('auth', `HubSpot must be connected again. ${RECONNECT_HUBSPOT}`);
  const token = await postToken(
    config,
    {
      grant_type: 'refresh_token',
      refresh_token: session.refreshToken,
      client_id: oauth.clientId,
      client_secret: oauth.clientSecret,
    },
    now,
  ).catch((error: unknown) => {
    throw error instanceof CrmError && error.kind === 'auth'
      ? new CrmError('auth', `${error.message}. ${RECONNECT_HUBSPOT}`)
      : error;
  });
  return {
    ...token,
    refreshToken: token.refreshToken ?? session.refreshToken,
    accountId: token.accountId ?? session.accountId ?? null,
    instanceUrl: session.instanceUrl,
  };
}
