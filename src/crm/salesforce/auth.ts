import { createSign } from 'node:crypto';
import type { SalesforceConfig } from '../../config/crm.js';
import { trimEndOf } from '../../domain/text/trim-end.js';
import { CrmError } from '../ports.js';

export interface SalesforceToken {
  accessToken: string;
  instanceUrl: string;
  refreshToken: string | null;
}

const RECONNECT_SALESFORCE =
  'A Slack workspace admin can connect Salesforce again with `/vision crm connect salesforce`.';

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** The JWT bearer assertion (RS256) for an integration user: iss = client id, sub = user, aud = login URL. */
export function jwtAssertion(
  auth: { clientId: string; privateKey: string; username: string },
  audience: string,
  now: Date,
): string {
  const header = base64url(JSON.stringify({ alg: 'RS256' }));
  const claims = base64url(
    JSON.stringify({
      iss: auth.clientId,
      sub: auth.username,
      aud: audience,
      exp: Math.floor(now.getTime() / 1000) + 180,
    }),
  );
  const signer = createSign('RSA-SHA256');
  signer.update(`${header}.${claims}`);
  return `${header}.${claims}.${signer.sign(auth.privateKey).toString('base64url')}`;
}

/**
 * Salesforce hands back the instance to call; our token goes there only when it is a Salesforce host or the
 * configured instance/login host (the sandbox emulator), never to any URL a response names.
 */
export function trustedInstanceUrl(config: SalesforceConfig, candidate: unknown): string {
  if (typeof candidate !== 'string')
    throw new CrmError('auth', 'Salesforce did not say which instance to use.');
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    throw new CrmError('auth', 'Salesforce returned an instance URL that is not a URL.');
  }
  const host = url.host.toLowerCase();
  const configured = [config.loginUrl, config.instanceUrl]
    .filter((u): u is string => typeof u === 'string')
    .map((u) => new URL(u).host.toLowerCase());
  const salesforceHost =
    url.protocol === 'https:' &&
    /\.(?:my\.salesforce|salesforce|force)\.com$/.test(url.hostname.toLowerCase());
  if (!salesforceHost && !configured.includes(host)) {
    throw new CrmError('auth', `Salesforce returned an instance host we do not trust (${host}).`);
  }
  return url.origin;
}

export async function postToken(
  config: SalesforceConfig,
  params: Record<string, string>,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${trimEndOf(config.loginUrl, '/')}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams(params).toString(),
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const description =
      typeof body.error_description === 'string' ? body.error_description : `HTTP ${response.status}`;
    throw new CrmError('auth', `Salesforce sign-in failed: ${description}`);
  }
  return body;
}

/**
 * A fresh access token: the JWT bearer grant for an integration user, or the refresh-token grant of the
 * web-server (PKCE) flow. Username/password is never used.
 */
export async function requestSalesforceToken(
  config: SalesforceConfig,
  refreshToken: string | null,
  now: Date,
): Promise<SalesforceToken> {
  const { auth } = config;
  const body =
    auth.kind === 'jwt'
      ? await postToken(config, {
          grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
          assertion: jwtAssertion(auth, trimEndOf(config.loginUrl, '/'), now),
        })
      : refreshToken
        ? await postToken(config, {
            grant_type: 'refresh_token',
            refresh_token: refreshToken,
            client_id: auth.clientId,
            client_secret: auth.clientSecret,
          }).catch((error: unknown) => {
            throw error instanceof CrmError && error.kind === 'auth'
              ? new CrmError('auth', `${error.message}. ${RECONNECT_SALESFORCE}`)
              : error;
          })
        : (() => {
            throw new CrmError(
              'auth',
              'Salesforce is not connected for this workspace yet: a Slack workspace admin can connect it with `/vision crm connect salesforce`.',
            );
          })();
  if (typeof body.access_token !== 'string')
    throw new CrmError('auth', 'Salesforce returned no access token.');
  return {
    accessToken: body.access_token,
    instanceUrl: trustedInstanceUrl(config, body.instance_url),
    refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : refreshToken,
  };
}
