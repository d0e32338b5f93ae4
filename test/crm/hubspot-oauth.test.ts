import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubSpotConfig } from '../../src/config/crm.js';
import { hubspotAdapter } from '../../src/crm/hubspot/adapter.js';
import { HubSpotClient } from '../../src/crm/hubspot/client.js';
import { exchangeHubSpotCode, HUBSPOT_TOKEN_PATH, hubspotAuthorizeUrl } from '../../src/crm/hubspot/oauth.js';
import { HUBSPOT_NOT_CONNECTED, sessionTokens } from '../../src/crm/hubspot/session-tokens.js';
import { RollingWindowLimiter } from '../../src/crm/limiter.js';
import { newPkcePair } from '../../src/crm/salesforce/web-flow.js';
import { TokenCipher } from '../../src/crm/token-cipher.js';
import { encryptedSessionStore } from '../../src/crm/token-store.js';
import { type CrmWorld, memoryCredentials, startCrmWorld } from '../support/crm-fixtures.js';

const REDIRECT = 'https://vision.example/crm/hubspot/callback';

describe('HubSpot OAuth (many portals) against the CRM emulator', () => {
  let world: CrmWorld;
  let config: HubSpotConfig;
  beforeEach(async () => {
    world = await startCrmWorld();
    const oauth = world.emulator.state.hubspot.oauth;
    config = {
      apiUrl: world.url,
      portalId: undefined,
      oauth: {
        clientId: oauth.clientId,
        clientSecret: oauth.clientSecret,
        authorizeUrl: `${world.url}/oauth/authorize`,
      },
    };
  });
  afterEach(() => world.close());

  async function approve(challenge: string): Promise<string> {
    const res = await fetch(
      hubspotAuthorizeUrl(config.oauth!, { redirectUri: REDIRECT, state: 's1', challenge }),
      {
        redirect: 'manual',
      },
    );
    expect(res.status).toBe(302);
    const back = new URL(res.headers.get('location') ?? '');
    expect(back.searchParams.get('state')).toBe('s1');
    return back.searchParams.get('code') ?? '';
  }

  function connectedAdapter(credentials = memoryCredentials()) {
    const sessions = encryptedSessionStore(credentials, new TokenCipher(randomBytes(32)));
    const client = new HubSpotClient(
      config,
      new RollingWindowLimiter(90, 10_000, world.time),
      world.time,
      sessionTokens(config, 'T1', sessions, world.time.date),
    );
    return { sessions, credentials, adapter: hubspotAdapter(client, 'hubspot:team:T1') };
  }

  it(`exchanges the code at ${HUBSPOT_TOKEN_PATH} with the PKCE verifier; the portal and expiry are kept`, async () => {
    const pkce = newPkcePair();
    const session = await exchangeHubSpotCode(
      config,
      { code: await approve(pkce.challenge), verifier: pkce.verifier, redirectUri: REDIRECT },
      world.time.date(),
    );
    expect(session.accountId).toBe('4242');
    expect(session.expiresAt?.getTime()).toBe(world.time.ms + 1800 * 1000);
    expect(session.refreshToken).toBeTruthy();
  });

  it('refuses a wrong verifier and a reused code', async () => {
    const pkce = newPkcePair();
    const code = await approve(pkce.challenge);
    const wrong = { code, verifier: newPkcePair().verifier, redirectUri: REDIRECT };
    await expect(exchangeHubSpotCode(config, wrong, world.time.date())).rejects.toThrow(
      /Invalid code_verifier/,
    );
    const again = { code, verifier: pkce.verifier, redirectUri: REDIRECT };
    await expect(exchangeHubSpotCode(config, again, world.time.date())).rejects.toThrow(
      /Invalid authorization code/,
    );
  });

  it('a team that has not connected gets a clear auth error, and no request reaches HubSpot', async () => {
    const { adapter } = connectedAdapter();
    await expect(adapter.getDeal(world.ids.dealId)).rejects.toMatchObject({
      kind: 'auth',
      message: HUBSPOT_NOT_CONNECTED,
    });
    expect(world.emulator.state.hubspot.requests).toBe(0);
  });

  it('reads with the stored token, refreshes 5 minutes before expiry, renews once on 401, stores only sealed tokens', async () => {
    const oauth = world.emulator.state.hubspot.oauth;
    const { adapter, sessions, credentials } = connectedAdapter();
    const pkce = newPkcePair();
    const first = await exchangeHubSpotCode(
      config,
      { code: await approve(pkce.challenge), verifier: pkce.verifier, redirectUri: REDIRECT },
      world.time.date(),
    );
    await sessions.save('T1', 'hubspot', first);
    expect((await adapter.getDeal(world.ids.dealId)).name).toBe('Acme - Routing 2027');
    expect(oauth.tokenRequests.map((r) => r.grant)).toEqual(['authorization_code']);

    world.time.ms += 24 * 60_000; // 6 minutes left: not yet
    await adapter.readField(world.ids.dealId, 'description');
    expect(oauth.tokenRequests).toHaveLength(1);
    world.time.ms += 2 * 60_000; // 4 minutes left: refresh first
    await adapter.readField(world.ids.dealId, 'description');
    expect(oauth.tokenRequests.map((r) => r.grant)).toEqual(['authorization_code', 'refresh_token']);
    const stored = await sessions.load('T1', 'hubspot');
    expect(stored?.accessToken).not.toBe(first.accessToken);
    expect(stored?.expiresAt?.getTime()).toBe(world.time.ms + 1800 * 1000);

    oauth.accessTokens.clear(); // revoked early
    await adapter.readField(world.ids.dealId, 'description');
    expect(oauth.tokenRequests).toHaveLength(3);
    const sealed = JSON.stringify([...credentials.rows.values()]);
    for (const token of [...oauth.accessTokens.keys(), ...oauth.refreshTokens])
      expect(sealed).not.toContain(token);
  });

  it('concurrent requests near expiry share one refresh, and a second adapter reuses the stored new token', async () => {
    const oauth = world.emulator.state.hubspot.oauth;
    const credentials = memoryCredentials();
    const one = connectedAdapter(credentials);
    const pkce = newPkcePair();
    await one.sessions.save(
      'T1',
      'hubspot',
      await exchangeHubSpotCode(
        config,
        { code: await approve(pkce.challenge), verifier: pkce.verifier, redirectUri: REDIRECT },
        world.time.date(),
      ),
    );
    world.time.ms += 27 * 60_000;
    await Promise.all([
      one.adapter.getDeal(world.ids.dealId),
      one.adapter.readField(world.ids.dealId, 'description'),
      one.adapter.searchDeals('Acme', 5),
    ]);
    expect(oauth.tokenRequests.map((r) => r.grant)).toEqual(['authorization_code', 'refresh_token']);
    // Another client over the same stored session (as after a reconnect) uses the refreshed token as it is.
    const again = hubspotAdapter(
      new HubSpotClient(
        config,
        new RollingWindowLimiter(90, 10_000, world.time),
        world.time,
        sessionTokens(config, 'T1', one.sessions, world.time.date),
      ),
      'hubspot:team:T1',
    );
    await again.readField(world.ids.dealId, 'description');
    expect(oauth.tokenRequests).toHaveLength(2);
  });

  it('a refresh token HubSpot no longer accepts is an auth error with its words', async () => {
    const { adapter, sessions } = connectedAdapter();
    await sessions.save('T1', 'hubspot', {
      accessToken: 'CKexpired',
      refreshToken: 'revoked-refresh-token',
      instanceUrl: world.url,
      expiresAt: new Date(world.time.ms - 1000),
    });
    await expect(adapter.getDeal(world.ids.dealId)).rejects.toMatchObject({
      kind: 'auth',
      message:
        'HubSpot sign-in failed: Invalid refresh token. A Slack workspace admin can connect HubSpot again with `/vision crm connect hubspot`.',
    });
  });
});
