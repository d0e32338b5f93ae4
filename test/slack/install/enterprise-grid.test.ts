import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../../src/sandbox/seed.js';
import { RECAP_IDS } from '../../../src/slack/views/ids.js';
import { linkDeal } from '../../support/deal-fixtures.js';
import { type OAuthTestApp, startOAuthTestApp } from '../../support/oauth-harness.js';

const NOW = new Date('2026-12-07T18:00:00Z');
/** Two Enterprise Grid orgs installed org-wide, and one ordinary workspace installed on its own. */
const GRID = { teamId: 'T0GRIDA', enterpriseId: 'E0GRID' };
const OTHER = { teamId: 'T0OTHERA', enterpriseId: 'E0OTHER' };
const SOLO = 'T0SOLO';

describe('Enterprise Grid: org-wide installs', () => {
  let t: OAuthTestApp;
  afterEach(async () => t?.close());

  const issued = () =>
    t.cloud
      .calls('oauth.v2.access')
      .map(
        (c) =>
          c.response as {
            ok: boolean;
            is_enterprise_install?: boolean;
            enterprise?: { id: string } | null;
            team?: { id: string } | null;
            access_token?: string;
          },
      )
      .filter((r) => r.ok);
  const orgToken = (enterpriseId: string) =>
    issued().find((r) => r.is_enterprise_install && r.enterprise?.id === enterpriseId)!.access_token!;
  const teamToken = (teamId: string) => issued().find((r) => r.team?.id === teamId)!.access_token!;

  it("a workspace of an org-wide install is served with the org's token; data stays with its workspace", async () => {
    let now = NOW;
    t = await startOAuthTestApp({ teams: [GRID, OTHER, SOLO], clock: () => now, scheduler: true });
    expect((await t.install('', { orgWide: GRID.enterpriseId })).status).toBe(200);
    expect((await t.install('', { orgWide: OTHER.enterpriseId })).status).toBe(200);
    expect((await t.install(SOLO)).status).toBe(200);

    // One installation per org (no workspace in its key), one for the ordinary workspace.
    const rows = await t.repos.installations.list();
    expect(rows.map((r) => [r.enterpriseId, r.teamId, r.isEnterpriseInstall])).toEqual(
      expect.arrayContaining([
        [GRID.enterpriseId, null, true],
        [OTHER.enterpriseId, null, true],
        [null, SOLO, false],
      ]),
    );
    expect(new Set([orgToken(GRID.enterpriseId), orgToken(OTHER.enterpriseId), teamToken(SOLO)]).size).toBe(
      3,
    );

    const workspaces = [GRID.teamId, OTHER.teamId, SOLO];
    for (const teamId of workspaces) await linkDeal({ repos: t.repos, ids: DEMO_IDS }, { teamId });
    // Events and commands from each workspace, through the real receiver: the org ones carry
    // is_enterprise_install and an authorization without a team, as Slack sends them.
    for (const teamId of workspaces) {
      const w = t.cloud.workspace(teamId);
      await w.driver.event({ type: 'app_home_opened', user: DEMO_IDS.rep, channel: 'D0HOME', tab: 'home' });
      await w.driver.slashCommand({
        userId: DEMO_IDS.rep,
        channelId: DEMO_IDS.dealAcme,
        text: 'meeting Discovery call today 14:00',
      });
      await w.state.waitFor(() => w.calls('views.publish')[0]);
      await w.state.waitFor(() =>
        w.state.ephemeralsFor(DEMO_IDS.rep).find((e) => e.text.startsWith('Scheduled')),
      );
    }

    // The data is the workspace's own: its meeting under its team id, none of the others'.
    for (const teamId of workspaces) {
      const deal = (await t.repos.deals.getByChannel(teamId, DEMO_IDS.dealAcme))!;
      expect(deal.teamId).toBe(teamId);
      const meetings = await t.repos.meetings.listDuePrompts(
        teamId,
        new Date(NOW.getTime() + 106 * 60_000),
        new Date(0),
      );
      expect(meetings.map((m) => [m.teamId, m.dealId, m.title])).toEqual([
        [teamId, deal.id, 'Discovery call'],
      ]);
    }

    // The scheduled job finds each workspace's installation: for the org workspaces the org whose
    // auth.teams.list names them.
    now = new Date(NOW.getTime() + 106 * 60_000);
    expect(await t.app.scheduler!.recapPrompts.tick()).toEqual({ posted: 3, failed: 0 });
    const expected: Record<string, string> = {
      [GRID.teamId]: orgToken(GRID.enterpriseId),
      [OTHER.teamId]: orgToken(OTHER.enterpriseId),
      [SOLO]: teamToken(SOLO),
    };
    for (const teamId of workspaces) {
      const w = t.cloud.workspace(teamId);
      expect(
        w.state.messages(DEMO_IDS.dealAcme).some((m) => m.text.startsWith('How did Discovery call go?')),
      ).toBe(true);
      const tokens = new Set(
        w
          .calls()
          .filter((c) => c.method !== 'auth.test')
          .map((c) => c.token),
      );
      expect([teamId, [...tokens]]).toEqual([teamId, [expected[teamId]]]);
    }

    // Each org was asked once which workspaces it covers (remembered for an hour), with its own token.
    const listed = t.cloud.calls('auth.teams.list').map((c) => c.token);
    expect(listed).toHaveLength(2);
    expect(new Set(listed)).toEqual(new Set([orgToken(GRID.enterpriseId), orgToken(OTHER.enterpriseId)]));
    expect(await t.app.scheduler!.recapPrompts.tick()).toEqual({ posted: 0, failed: 0 });

    // A button in the org workspace (an interactivity payload naming the enterprise) opens the recap modal
    // with the org's token.
    const grid = t.cloud.workspace(GRID.teamId);
    const prompt = grid.state.messages(DEMO_IDS.dealAcme).find((m) => m.text.startsWith('How did'))!;
    await grid.driver.clickButton(prompt.ts, RECAP_IDS.openFromPrompt, DEMO_IDS.rep);
    const modal = await grid.state.waitFor(() => grid.state.views.top(DEMO_IDS.rep));
    expect(modal.definition.callback_id).toBe(RECAP_IDS.modal);
    const opened = await grid.state.waitFor(() => grid.calls('views.open')[0]);
    expect(opened.token).toBe(orgToken(GRID.enterpriseId));
  });
});
