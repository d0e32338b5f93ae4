import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesforceConfig } from '../../src/config/crm.js';
import { SALESFORCE_API_VERSION } from '../../src/config/crm.js';
import { requestSalesforceToken } from '../../src/crm/salesforce/auth.js';
import {
  exchangeAuthorizationCode,
  newPkcePair,
  salesforceAuthorizeUrl,
} from '../../src/crm/salesforce/web-flow.js';
import { TokenCipher } from '../../src/crm/token-cipher.js';
import { encryptedSessionStore } from '../../src/crm/token-store.js';
import { type CrmWorld, memoryCredentials, startCrmWorld } from '../support/crm-fixtures.js';

const REDIRECT = 'https://vision.example/oauth/salesforce/callback';

describe('Salesforce web-server flow with PKCE, against the CRM emulator', () => {
  let world: CrmWorld;
  let config: SalesforceConfig;
  beforeAll(async () => {
    world = await startCrmWorld();
    config = {
      loginUrl: world.url,
      instanceUrl: undefined,
      apiVersion: SALESFORCE_API_VERSION,
      auth: { kind: 'web', clientId: world.emulator.state.salesforce.clientId, clientSecret: 'shh' },
    };
  });
  afterAll(async () => {
    await world?.close();
  });

  /** What the browser does: follow the authorize URL and land on our callback with code and state. */
  async function approve(challenge: string, state: string) {
    const url = salesforceAuthorizeUrl(config, {
      clientId: world.emulator.state.salesforce.clientId,
      redirectUri: REDIRECT,
      challenge,
      state,
    });
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const back = new URL(res.headers.get('location') ?? '');
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe(state);
    return back.searchParams.get('code') ?? '';
  }

  it('trades the code for a refresh token that is stored sealed and then refreshes the session', async () => {
    const pkce = newPkcePair();
    expect(pkce.verifier).toMatch(/^[\w-]{43}$/);
    const code = await approve(pkce.challenge, 'state-123');
    const token = await exchangeAuthorizationCode(config, {
      code,
      verifier: pkce.verifier,
      redirectUri: REDIRECT,
    });
    expect(token.refreshToken).toBeTruthy();
    expect(token.instanceUrl).toBe(world.url);

    const credentials = memoryCredentials();
    const store = encryptedSessionStore(credentials, new TokenCipher(randomBytes(32)));
    await store.save('T1', 'salesforce', token);
    const sealed = JSON.stringify([...credentials.rows.values()]);
    expect(sealed).not.toContain(token.refreshToken);
    expect(sealed).not.toContain(token.accessToken);

    const loaded = await store.load('T1', 'salesforce');
    const refreshed = await requestSalesforceToken(config, loaded?.refreshToken ?? null, new Date());
    expect(refreshed.accessToken).not.toBe(token.accessToken);
    expect(world.emulator.state.salesforce.accessTokens.has(refreshed.accessToken)).toBe(true);
  });

  it('a refresh token Salesforce no longer accepts says so, and how to connect again', async () => {
    await expect(requestSalesforceToken(config, 'revoked-refresh-token', new Date())).rejects.toMatchObject({
      kind: 'auth',
      message:
        'Salesforce sign-in failed: expired access/refresh token. A Slack workspace admin can connect Salesforce again with `/vision crm connect salesforce`.',
    });
  });

  it('refuses a wrong verifier, a reused code and a different redirect URI', async () => {
    const pkce = newPkcePair();
    const stolen = await approve(pkce.challenge, 's');
    await expect(
      exchangeAuthorizationCode(config, {
        code: stolen,
        verifier: newPkcePair().verifier,
        redirectUri: REDIRECT,
      }),
    ).rejects.toThrow(/invalid code verifier/);
    // A code is single use, even after a failed attempt.
    await expect(
      exchangeAuthorizationCode(config, { code: stolen, verifier: pkce.verifier, redirectUri: REDIRECT }),
    ).rejects.toThrow(/invalid authorization code/);
    const other = await approve(pkce.challenge, 's');
    await expect(
      exchangeAuthorizationCode(config, {
        code: other,
        verifier: pkce.verifier,
        redirectUri: 'https://evil.example/callback',
      }),
    ).rejects.toThrow(/redirect_uri must match/);
  });

  it('the authorize endpoint insists on S256 PKCE', async () => {
    const url = new URL(
      salesforceAuthorizeUrl(config, {
        clientId: world.emulator.state.salesforce.clientId,
        redirectUri: REDIRECT,
        challenge: newPkcePair().challenge,
        state: 's',
      }),
    );
    url.searchParams.set('code_challenge_method', 'plain');
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(400);
  });
});
