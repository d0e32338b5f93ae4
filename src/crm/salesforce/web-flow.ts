import { createHash, randomBytes } from 'node:crypto';
import type { SalesforceConfig } from '../../config/crm.js';
import { CrmError } from '../ports.js';
import { postToken, type SalesforceToken, trustedInstanceUrl } from './auth.js';

export interface PkcePair {
  /** Kept on our side only; sent once, with the code, to the token endpoint. */
  verifier: string;
  challenge: string;
}

/** RFC 7636 S256: a 43-character verifier from 32 random bytes and its SHA-256 challenge. */
export function newPkcePair(): PkcePair {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The login URL without trailing slashes (a loop, not a regular expression: see test/regex-safety). */
function loginRoot(config: SalesforceConfig): string {
  let end = config.loginUrl.length;
  while (end > 0 && config.loginUrl[end - 1] === '/') end--;
  return config.loginUrl.slice(0, end);
}

/** Where to send the admin to approve the connected app (web-server flow with PKCE). */
export function salesforceAuthorizeUrl(
  config: SalesforceConfig,
  args: { clientId: string; redirectUri: string; challenge: string; state: string },
): string {
  const url = new URL(`${loginRoot(config)}/services/oauth2/authorize`);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: args.clientId,
    redirect_uri: args.redirectUri,
    code_challenge: args.challenge,
    code_challenge_method: 'S256',
    scope: 'api refresh_token',
    state: args.state,
  }).toString();
  return url.toString();
}

/** Trades the code from the callback for an access token and the refresh token the app keeps (sealed). */
export async function exchangeAuthorizationCode(
  config: SalesforceConfig,
  args: { code: string; verifier: string; redirectUri: string },
): Promise<SalesforceToken> {
  if (config.auth.kind !== 'web')
    throw new CrmError('auth', 'Salesforce is set up for the JWT bearer flow, not for connecting by hand.');
  const body = await postToken(config, {
    grant_type: 'authorization_code',
    code: args.code,
    code_verifier: args.verifier,
    redirect_uri: args.redirectUri,
    client_id: config.auth.clientId,
    client_secret: config.auth.clientSecret,
  });
  if (typeof body.access_token !== 'string' || typeof body.refresh_token !== 'string')
    throw new CrmError(
      'auth',
      'Salesforce returned no refresh token: add the refresh_token scope to the connected app.',
    );
  return {
    accessToken: body.access_token,
    instanceUrl: trustedInstanceUrl(config, body.instance_url),
    refreshToken: body.refresh_token,
  };
}
