import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../../src/sandbox/seed.js';
import { linkDeal } from '../../support/deal-fixtures.js';
import { type OAuthTestApp, startOAuthTestApp } from '../../support/oauth-harness.js';

const NOW = new Date('2026-12-07T18:00:00Z');
const TEAMS = ['T0ALPHA', 'T0BETA'] as const;

describe('two workspaces installed at once', () => {
  let t: OAuthTestApp;
  afterEach(async () => t?.close());

  const issuedToken = (teamId: string) =>
    t.cloud
      .calls('oauth.v2.access')
      .map((c) => c.response as { ok: boolean; team?: { id: string }; access_token?: string })
      .find((r) => r.ok && r.team?.id === teamId)!.access_token!;

  it('every request and every scheduled job carries its own team token', async () => {
    let now = NOW;
    t = await startOAuthTestApp({ teams: [...TEAMS], clock: () => now, scheduler: true });
    for (const teamId of TEAMS) {
      expect((await t.install(teamId)).status).toBe(200);
      await linkDeal({ repos: t.repos, ids: DEMO_IDS }, { teamId });
    }
    const alpha = t.cloud.workspace('T0ALPHA');
    const beta = t.cloud.workspace('T0BETA');
    expect(issuedToken('T0ALPHA')).not.toBe(issuedToken('T0BETA'));

    // Both teams act at the same time: a home tab each, and a meeting scheduled in each deal channel.
    await Promise.all(
      [alpha, beta].map(async (w) => {
        await w.driver.event({ type: 'app_home_opened', user: DEMO_IDS.rep, channel: 'D0HOME', tab: 'home' });
        await w.driver.slashCommand({
          userId: DEMO_IDS.rep,
          channelId: DEMO_IDS.dealAcme,
          text: 'meeting Discovery call today 14:00',
        });
      }),
    );
    for (const w of [alpha, beta]) {
      await w.state.waitFor(() => w.calls('views.publish')[0]);
      await w.state.waitFor(() =>
        w.state.ephemeralsFor(DEMO_IDS.rep).find((e) => e.text.startsWith('Scheduled')),
      );
    }

    now = new Date(NOW.getTime() + 106 * 60_000);
    expect(await t.app.scheduler!.recapPrompts.tick()).toEqual({ posted: 2, failed: 0 });
    for (const [teamId, w] of [
      ['T0ALPHA', alpha],
      ['T0BETA', beta],
    ] as const) {
      const prompt = w.state
        .messages(DEMO_IDS.dealAcme)
        .find((m) => m.text.startsWith('How did Discovery call go?'));
      expect(prompt).toBeDefined();
      const calls = w.calls().filter((c) => c.method !== 'auth.test');
      expect(calls.map((c) => c.method)).toEqual(
        expect.arrayContaining(['views.publish', 'chat.postMessage']),
      );
      expect(new Set(calls.map((c) => c.token))).toEqual(new Set([issuedToken(teamId)]));
    }
  });

  it("a team's events cannot reach another team's installation: unknown teams are not authorized", async () => {
    t = await startOAuthTestApp({ teams: [...TEAMS] });
    await t.install('T0ALPHA');
    const beta = t.cloud.workspace('T0BETA');
    await beta.driver.event({ type: 'app_home_opened', user: DEMO_IDS.rep, channel: 'D0HOME', tab: 'home' });
    await beta.driver.slashCommand({ userId: DEMO_IDS.rep, channelId: DEMO_IDS.dealAcme, text: 'list' });
    expect(beta.state.ephemeralsFor(DEMO_IDS.rep)).toEqual([]);
    expect(beta.calls()).toEqual([]);
    expect(
      t.cloud
        .workspace('T0ALPHA')
        .calls()
        .filter((c) => c.method !== 'auth.test'),
    ).toEqual([]);
  });
});
