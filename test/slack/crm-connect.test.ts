import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrmProvider } from '../../src/domain/crm/types.js';
import { type CrmWorld, oauthCrmConfig, setUpAcmeLinkedTo, startCrmWorld } from '../support/crm-fixtures.js';
import { everything } from '../support/deal-fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

const OPP = '006000000000001AAA';
const LABEL: Record<CrmProvider, string> = { salesforce: 'Salesforce', hubspot: 'HubSpot' };

describe('Connecting a CRM by OAuth end to end: /vision crm connect -> connect -> CRM consent -> callback -> linked', () => {
  let world: CrmWorld;
  let t: TestApp;
  let offsetMs = 0;
  beforeAll(async () => {
    world = await startCrmWorld();
    world.time.ms = Date.now();
    // No HUBSPOT_PORTAL_ID: each workspace's portal comes from its own connection.
    const config = oauthCrmConfig(world);
    // The emulator stamps records and expires HubSpot tokens on the same moved clock as the app.
    world.emulator.state.hubspot.oauth.expiresIn = 1800;
    t = await startTestApp({ crm: config, clock: () => new Date(Date.now() + offsetMs) });
  });
  afterAll(async () => {
    await t?.close();
    await world?.close();
  });

  const sf = () => world.emulator.state.salesforce;
  const hs = () => world.emulator.state.hubspot;
  const privateTo = (userId: string, pattern: RegExp) =>
    waitFor(`a private message matching ${pattern}`, () =>
      t.emulator.state.ephemeralsFor(userId, t.ids.dealAcme).find((m) => pattern.test(everything(m))),
    );

  /** An admin asks for the link; it comes back privately. */
  async function connectLink(provider: CrmProvider): Promise<string> {
    const before = t.emulator.state.ephemeralsFor(t.ids.manager).length;
    await t.driver.slashCommand({
      userId: t.ids.manager,
      channelId: t.ids.dealAcme,
      text: `crm connect ${provider}`,
    });
    const message = await waitFor('the connect link', () =>
      t.emulator.state
        .ephemeralsFor(t.ids.manager)
        .slice(before)
        .find((m) => m.text.includes(`|Connect ${LABEL[provider]}>`)),
    );
    const url = new RegExp(`<(http[^|>]+)\\|Connect ${LABEL[provider]}>`).exec(message.text)?.[1];
    if (!url) throw new Error('no link');
    return url;
  }

  /** What the admin's browser does: open our link, consent at the CRM, land on our callback. */
  async function consent(link: string): Promise<{ callback: string; cookie: string }> {
    const start = await fetch(link, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(start.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Lax/);
    const authorize = start.headers.get('location') ?? '';
    expect(new URL(authorize).searchParams.get('code_challenge_method')).toBe('S256');
    const approved = await fetch(authorize, { redirect: 'manual' });
    expect(approved.status).toBe(302);
    return { callback: approved.headers.get('location') ?? '', cookie };
  }

  const open = (callback: string, cookie: string | null) =>
    fetch(callback, { redirect: 'manual', headers: cookie ? { cookie } : {} }).then(async (r) => ({
      status: r.status,
      html: await r.text(),
    }));

  const linkThroughSetup = (value: string) => setUpAcmeLinkedTo(t, value);

  const dealId = async () => (await t.repos.deals.getByChannel(t.ids.team, t.ids.dealAcme))?.id ?? -1;

  it('only a workspace admin gets a link; anyone else is told privately', async () => {
    await t.driver.slashCommand({
      userId: t.ids.rep,
      channelId: t.ids.dealAcme,
      text: 'crm connect salesforce',
    });
    await privateTo(t.ids.rep, /Only a Slack workspace admin or owner can connect a CRM/);
    expect(
      t.emulator.state.ephemeralsFor(t.ids.rep).some((m) => m.text.includes('/crm/salesforce/connect')),
    ).toBe(false);
  });

  it('before connecting, linking says how to connect', async () => {
    await linkThroughSetup(`salesforce:${OPP}`);
    await privateTo(t.ids.rep, /\/vision crm connect salesforce/);
    expect(await t.repos.crm.getLink(t.ids.team, await dealId())).toBeNull();
  });

  it('Salesforce: connect, consent, callback stores the refresh token sealed; the rep links the opportunity', async () => {
    const { callback, cookie } = await consent(await connectLink('salesforce'));
    expect(new URL(callback).pathname).toBe('/crm/salesforce/callback');

    // The callback opened in a browser that did not start the flow is refused and stores nothing.
    const elsewhere = await open(callback, null);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.html).toContain('another browser');
    expect(await t.repos.crm.credentials.get(t.ids.team, 'salesforce')).toBeNull();

    const done = await open(callback, cookie);
    expect(done.status).toBe(200);
    expect(done.html).toContain('Salesforce is connected');
    await waitFor('the DM to the admin who connected', () =>
      t.emulator.state
        .dmsTo(t.ids.manager)
        .find((m) => m.text.startsWith('Salesforce is connected for this workspace')),
    );
    const sealed = await t.repos.crm.credentials.get(t.ids.team, 'salesforce');
    expect(sealed?.refreshTokenSealed).toBeTruthy();
    const refreshToken = [...sf().refreshTokens].at(-1) ?? '';
    expect(JSON.stringify(sealed)).not.toContain(refreshToken);
    expect(t.logs.join('\n')).not.toContain(refreshToken);

    // Single use: the same callback again is refused and changes nothing.
    const again = await open(callback, cookie);
    expect(again.status).toBe(400);
    expect(again.html).toContain('already used');

    await linkThroughSetup(`salesforce:${OPP}`);
    const link = await waitFor(
      'the Salesforce link',
      async () => (await t.repos.crm.getLink(t.ids.team, await dealId())) ?? undefined,
    );
    expect(link).toMatchObject({ provider: 'salesforce', recordId: OPP });
    expect(link.snapshot.stage).toBe('Qualification');
    // The record link is on the org's own instance (from the token), not the login host.
    await waitFor('the instance in the record link', async () =>
      (await t.repos.deals.getByChannel(t.ids.team, t.ids.dealAcme))?.crmUrl ===
      `${world.url}/lightning/r/Opportunity/${OPP}/view`
        ? true
        : undefined,
    );

    // An expired session (401 INVALID_SESSION_ID) is renewed with the stored refresh token.
    const before = sf().tokenRequests;
    sf().accessTokens.clear();
    const seen = t.emulator.state.ephemeralsFor(t.ids.rep).length;
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'crm refresh' });
    await waitFor('the refreshed panel', () =>
      t.emulator.state
        .ephemeralsFor(t.ids.rep)
        .slice(seen)
        .find((m) => m.text.startsWith('Salesforce opportunity: Acme - Routing 2027')),
    );
    expect(sf().tokenRequests).toBe(before + 1);
  });

  it('a forged or tampered state is refused', async () => {
    const link = new URL(await connectLink('salesforce'));
    const state = link.searchParams.get('state') ?? '';
    const [body = '', signature = ''] = state.split('.');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { t: string };
    payload.t = 'T_OTHER';
    link.searchParams.set(
      'state',
      `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`,
    );
    const res = await fetch(link, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('not one this app made');
  });

  it('a link older than ten minutes is refused', async () => {
    const link = await connectLink('salesforce');
    offsetMs = 11 * 60_000;
    try {
      const res = await fetch(link, { redirect: 'manual' });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('expired');
    } finally {
      offsetMs = 0;
    }
  });

  it('HubSpot: connect, consent, callback stores tokens with their expiry; refreshed before expiry and on 401', async () => {
    const { callback, cookie } = await consent(await connectLink('hubspot'));
    const done = await open(callback, cookie);
    expect(done.status).toBe(200);
    expect(done.html).toContain('HubSpot is connected');
    const sealed = await t.repos.crm.credentials.get(t.ids.team, 'hubspot');
    expect(sealed?.accountId).toBe('4242');
    expect(sealed?.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 25 * 60_000);
    expect(hs().oauth.tokenRequests.map((r) => r.grant)).toEqual(['authorization_code']);

    await linkThroughSetup('hubspot:9001');
    await waitFor('the HubSpot link', async () =>
      (await t.repos.crm.getLink(t.ids.team, await dealId()))?.provider === 'hubspot' ? true : undefined,
    );
    // The record link names the portal this workspace connected (hub id from the token endpoint).
    await waitFor('the portal in the record link', async () =>
      (await t.repos.deals.getByChannel(t.ids.team, t.ids.dealAcme))?.crmUrl ===
      'https://app.hubspot.com/contacts/4242/record/0-3/9001'
        ? true
        : undefined,
    );

    // 26 minutes later the access token has 4 left: it is refreshed before use.
    offsetMs = 26 * 60_000;
    world.time.ms = Date.now() + offsetMs;
    try {
      const shown = t.emulator.state.ephemeralsFor(t.ids.rep).length;
      await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'crm refresh' });
      // The whole command is done (its panel shown) before the clock goes back.
      await waitFor('the panel after a refresh before expiry', () =>
        t.emulator.state
          .ephemeralsFor(t.ids.rep)
          .slice(shown)
          .find((m) => m.text.startsWith('HubSpot deal: Acme')),
      );
      expect(hs().oauth.tokenRequests.map((r) => r.grant)).toEqual(['authorization_code', 'refresh_token']);
    } finally {
      offsetMs = 0;
    }

    // Revoked early: HubSpot answers 401, the app renews once and goes on.
    hs().oauth.accessTokens.clear();
    const pings = t.emulator.state.ephemeralsFor(t.ids.rep).length;
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'crm refresh' });
    await waitFor('the refreshed panel', () =>
      t.emulator.state
        .ephemeralsFor(t.ids.rep)
        .slice(pings)
        .find((m) => m.text.startsWith('HubSpot deal: Acme')),
    );
    expect(hs().oauth.tokenRequests.map((r) => r.grant)).toEqual([
      'authorization_code',
      'refresh_token',
      'refresh_token',
    ]);
    const latest = await t.repos.crm.credentials.get(t.ids.team, 'hubspot');
    const live = [...hs().oauth.accessTokens.keys()].at(-1) ?? '';
    expect(JSON.stringify(latest)).not.toContain(live);
  });
});
