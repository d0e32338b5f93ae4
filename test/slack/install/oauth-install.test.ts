import { afterEach, describe, expect, it } from 'vitest';
import {
  CLIENT_ID,
  type OAuthTestApp,
  startInstall,
  startOAuthTestApp,
} from '../../support/oauth-harness.js';

describe('Add to Slack (OAuth v2) against the emulated Slack', () => {
  let t: OAuthTestApp;
  afterEach(async () => t?.close());

  it('installs from /slack/install: signed state, code exchanged, installation stored sealed, /vision works', async () => {
    t = await startOAuthTestApp({ teams: ['T0ALPHA'] });
    const start = await startInstall(t.app.url);
    expect(start.status).toBe(200);
    const authorize = new URL(start.href);
    expect(authorize.pathname).toBe('/oauth/v2/authorize');
    expect(authorize.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(authorize.searchParams.get('scope')).toContain('chat:write');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(start.cookie).toMatch(/^slack-app-oauth-state=/);

    const result = await t.install('T0ALPHA');
    expect(result.status).toBe(200);
    expect(result.body).toContain('shared-vision is installed');

    const exchange = t.cloud.calls('oauth.v2.access');
    expect(exchange).toHaveLength(1);
    expect(exchange[0]!.response).toMatchObject({ ok: true, team: { id: 'T0ALPHA' } });
    const issued = (exchange[0]!.response as { access_token: string }).access_token;

    const stored = await t.repos.installations.find({ enterpriseId: null, teamId: 'T0ALPHA' });
    expect(JSON.parse(stored!.json)).toMatchObject({ team: { id: 'T0ALPHA' }, bot: { token: issued } });
    expect(t.logs.join('\n')).not.toContain(issued);

    const alpha = t.cloud.workspace('T0ALPHA');
    await alpha.driver.slashCommand({ userId: 'U0REP', channelId: 'C0DEALACME', text: 'help' });
    await alpha.state.waitFor(() => alpha.state.ephemerals.length > 0);
    expect(alpha.calls().length).toBeGreaterThan(0);
    expect(alpha.calls().filter((c) => c.token !== issued)).toEqual([]);
  });

  it('refuses a redirect without the browser cookie, with a forged state, or with a replayed code', async () => {
    t = await startOAuthTestApp({ teams: ['T0ALPHA'] });
    const { href, cookie } = await startInstall(t.app.url);
    const consent = new URL(href);
    consent.searchParams.set('team', 'T0ALPHA');
    const back = (await fetch(consent, { redirect: 'manual' })).headers.get('location')!;

    const noCookie = await fetch(back);
    expect(noCookie.status).toBe(400);
    expect(await noCookie.text()).toContain('did not finish');

    const forged = new URL(back);
    forged.searchParams.set('state', `${forged.searchParams.get('state')}x`);
    expect((await fetch(forged, { headers: { cookie } })).status).toBe(400);
    expect(await t.repos.installations.list()).toEqual([]);

    const ok = await fetch(back, { headers: { cookie } });
    expect(ok.status).toBe(200);
    const replay = await fetch(back, { headers: { cookie } });
    expect(replay.status).toBe(400);
    expect(t.cloud.calls('oauth.v2.access').map((c) => (c.response as { error?: string }).error)).toEqual([
      undefined,
      'invalid_code',
    ]);
  });

  it('rotates an expiring token with the refresh token and uses the new one; the old refresh token is spent', async () => {
    t = await startOAuthTestApp({ teams: ['T0ALPHA'], tokenLifetimeSeconds: 3_600 });
    await t.install('T0ALPHA');
    const [first] = t.cloud.calls('oauth.v2.access');
    const original = first!.response as { access_token: string; refresh_token: string; expires_in: number };
    expect(original.access_token).toMatch(/^xoxe\.xoxb-/);
    expect(original.expires_in).toBe(3_600);

    const alpha = t.cloud.workspace('T0ALPHA');
    await alpha.driver.slashCommand({ userId: 'U0REP', channelId: 'C0DEALACME', text: 'help' });
    const refresh = await alpha.state.waitFor(() =>
      t.cloud.calls('oauth.v2.access').find((c) => c.args.grant_type === 'refresh_token'),
    );
    const rotated = (refresh.response as { access_token: string }).access_token;
    expect(rotated).not.toBe(original.access_token);

    const stored = JSON.parse(
      (await t.repos.installations.find({ enterpriseId: null, teamId: 'T0ALPHA' }))!.json,
    );
    expect(stored.bot.token).toBe(rotated);
    expect(stored.bot.refreshToken).not.toBe(original.refresh_token);
    const reuse = (clientSecret: string) =>
      fetch(`${t.cloud.apiUrl}oauth.v2.access`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          client_id: CLIENT_ID,
          client_secret: clientSecret,
          grant_type: 'refresh_token',
          refresh_token: original.refresh_token,
        }),
      }).then((r) => r.json());
    expect(await reuse('wrong-secret-0000000')).toMatchObject({ ok: false, error: 'bad_client_secret' });
    expect(await reuse(t.clientSecret)).toMatchObject({ ok: false, error: 'invalid_refresh_token' });

    await alpha.driver.event({ type: 'app_home_opened', user: 'U0REP', channel: 'D0HOME', tab: 'home' });
    const publish = await alpha.state.waitFor(() => alpha.calls('views.publish')[0]);
    // A 1-hour token is always within Bolt's 2-hour margin: this request rotated again and used the newest.
    const newest = JSON.parse(
      (await t.repos.installations.find({ enterpriseId: null, teamId: 'T0ALPHA' }))!.json,
    );
    expect(publish.token).toBe(newest.bot.token);
    expect(publish.token).not.toBe(original.access_token);
  });
});
