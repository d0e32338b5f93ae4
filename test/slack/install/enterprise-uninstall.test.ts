import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../../src/sandbox/seed.js';
import { testEngines } from '../../support/databases.js';
import { type OAuthTestApp, startOAuthTestApp } from '../../support/oauth-harness.js';
import { seedTeam } from '../../support/team-seed.js';
import { waitFor } from '../../support/wait.js';

const NOW = new Date('2026-12-07T18:00:00Z');
const DAY = 86_400_000;
const MINUTE = 60_000;
/** Org A (two workspaces) and org B installed org-wide, and one ordinary workspace installed on its own. */
const ORG_A = 'E0ORGA';
const ORG_B = 'E0ORGB';
const A1 = 'T0ORGA1';
const A2 = 'T0ORGA2';
const B1 = 'T0ORGB1';
const SOLO = 'T0SOLO';
const ALL = [A1, A2, B1, SOLO];

describe.each(testEngines())('Enterprise Grid uninstall ($name)', (engine) => {
  let t: OAuthTestApp;
  let now = NOW;
  afterEach(async () => t?.close());

  const orgToken = (enterpriseId: string) =>
    t.cloud
      .calls('oauth.v2.access')
      .map((c) => c.response as { ok: boolean; enterprise?: { id: string } | null; access_token?: string })
      .filter((r) => r.ok && r.enterprise?.id === enterpriseId)
      .at(-1)!.access_token!;
  /** Recap prompts posted (chat.postMessage) with a token, whichever workspace the cloud routed them to. */
  const promptsWith = (token: string) =>
    t.cloud
      .calls('chat.postMessage')
      .filter((c) => c.token === token && String(c.args.text ?? '').startsWith('How did')).length;
  const soloToken = () =>
    t.cloud
      .calls('oauth.v2.access')
      .map((c) => c.response as { ok: boolean; team?: { id: string } | null; access_token?: string })
      .find((r) => r.ok && r.team?.id === SOLO)!.access_token!;
  const pendingMeetings = async (teamId: string) =>
    (await t.repos.meetings.listDuePrompts(teamId, new Date(NOW.getTime() + 2 * DAY), new Date(0))).length;
  const statusOf = async (teamId: string) =>
    (await t.app.scheduler!.nudges.tick()).find((r) => r.teamId === teamId)?.status;

  /**
   * Both orgs and the plain workspace installed; in each workspace a deal (and a little of everything) and two
   * meetings scheduled through the real receiver with `/vision meeting` (so the org workspaces' requests carry
   * the org-wide authorization, as Slack sends them).
   */
  async function installEverywhere(purgeGraceDays = 30) {
    now = NOW;
    t = await startOAuthTestApp({
      teams: [
        { teamId: A1, enterpriseId: ORG_A },
        { teamId: A2, enterpriseId: ORG_A },
        { teamId: B1, enterpriseId: ORG_B },
        SOLO,
      ],
      engine,
      purgeGraceDays,
      clock: () => now,
      scheduler: true,
    });
    expect((await t.install('', { orgWide: ORG_A })).status).toBe(200);
    expect((await t.install('', { orgWide: ORG_B })).status).toBe(200);
    expect((await t.install(SOLO)).status).toBe(200);
    for (const teamId of ALL) {
      await seedTeam(t.repos, teamId);
      const driver = t.cloud.workspace(teamId).driver;
      for (const text of ['meeting Discovery call today 14:00', 'meeting Pricing review today 16:00']) {
        await driver.slashCommand({ userId: DEMO_IDS.rep, channelId: DEMO_IDS.dealAcme, text });
      }
    }
    for (const teamId of ALL)
      await waitFor(`${teamId}'s meetings`, async () => (await pendingMeetings(teamId)) === 2);
  }

  it("uninstalling org A stops its workspaces' jobs and drops its token at once, purges them after the grace period, and leaves org B and the plain workspace working", async () => {
    await installEverywhere(30);
    const tokenA = orgToken(ORG_A);
    const tokenB = orgToken(ORG_B);

    // Before: every workspace's first recap prompt goes out, org A's two with org A's token.
    now = new Date(NOW.getTime() + 106 * MINUTE);
    expect(await t.app.scheduler!.recapPrompts.tick()).toEqual({ posted: 4, failed: 0 });
    expect(promptsWith(tokenA)).toBe(2);
    expect(await statusOf(A1)).not.toBe('not_installed');

    // Org A removes its org-wide install: Slack revokes the token and sends app_uninstalled and tokens_revoked.
    const responses = await t.cloud.uninstallOrg(ORG_A);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    await waitFor('org A forgotten', async () => (await t.repos.teamLifecycle.get(A2))?.byOrg);
    const uninstalled = await t.repos.teamLifecycle.get(A1);
    expect(uninstalled).toMatchObject({ enterpriseId: ORG_A, byOrg: true, purgedAt: null });
    expect(uninstalled!.purgeAfter).toEqual(new Date(now.getTime() + 30 * DAY));

    // Its token is gone; org B's and the plain workspace's stay.
    const rows = await t.repos.installations.list();
    expect(rows.map((r) => [r.enterpriseId, r.teamId]).sort()).toEqual([
      [null, SOLO],
      [ORG_B, null],
    ]);
    for (const teamId of [B1, SOLO]) expect(await t.repos.teamLifecycle.get(teamId)).toBeNull();

    // Jobs: nothing more for org A's workspaces (not even tried: none failed), the others get their second prompt.
    now = new Date(NOW.getTime() + 6 * 60 * MINUTE);
    expect(await t.app.scheduler!.recapPrompts.tick()).toEqual({ posted: 2, failed: 0 });
    expect(promptsWith(tokenA)).toBe(2);
    expect(promptsWith(tokenB)).toBe(2);
    expect(promptsWith(soloToken())).toBe(2);
    for (const teamId of [A1, A2]) expect(await statusOf(teamId)).toBe('not_installed');
    for (const teamId of [B1, SOLO]) expect(await statusOf(teamId)).not.toBe('not_installed');
    // The grace period: kept on day 29, purged on day 30, org B and the plain workspace untouched.
    const uninstalledAt = uninstalled!.uninstalledAt.getTime();
    now = new Date(uninstalledAt + 29 * DAY);
    expect(await t.app.scheduler!.purges.tick()).toEqual({ purged: [], failed: [] });
    expect(await t.repos.deals.list(A1)).toHaveLength(1);
    now = new Date(uninstalledAt + 30 * DAY);
    const purged = await t.app.scheduler!.purges.tick();
    expect([...purged.purged].sort()).toEqual([A1, A2]);
    for (const teamId of [A1, A2]) {
      expect(await t.repos.deals.list(teamId)).toEqual([]);
      expect(await t.repos.teamData.exportTeam(teamId)).toMatchObject({
        deals: [],
        entries: [],
        decisions: [],
        meetings: [],
      });
    }
    expect(await t.repos.teamLifecycle.orgWorkspaces(ORG_A)).toEqual([]);
    for (const teamId of [B1, SOLO]) {
      expect(await t.repos.deals.list(teamId)).toHaveLength(1);
      expect((await t.repos.teamData.exportTeam(teamId)).entries).toHaveLength(1);
      expect((await t.repos.teamData.exportTeam(teamId)).meetings).toHaveLength(2);
    }
    expect(await t.app.scheduler!.purges.tick()).toEqual({ purged: [], failed: [] });

    // Org B and the plain workspace still answer, each with its own token.
    for (const [teamId, token] of [
      [B1, tokenB],
      [SOLO, soloToken()],
    ] as const) {
      const w = t.cloud.workspace(teamId);
      await w.driver.event({ type: 'app_home_opened', user: DEMO_IDS.rep, channel: 'D0HOME', tab: 'home' });
      const published = await w.state.waitFor(() => w.calls('views.publish')[0]);
      expect(published.token).toBe(token);
    }
  });

  it('a workspace removed from the org-wide install stops alone; added back within the grace period it keeps its data', async () => {
    await installEverywhere(30);
    await t.cloud.removeFromOrg(A2);
    await waitFor('A2 forgotten', () => t.repos.teamLifecycle.get(A2));
    expect(await t.repos.teamLifecycle.get(A2)).toMatchObject({ enterpriseId: ORG_A, byOrg: false });
    expect(await t.repos.teamLifecycle.get(A1)).toBeNull();
    expect((await t.repos.installations.list()).map((r) => r.enterpriseId)).toContain(ORG_A);

    now = new Date(NOW.getTime() + 106 * MINUTE);
    expect(await t.app.scheduler!.recapPrompts.tick()).toEqual({ posted: 3, failed: 0 });
    expect(promptsWith(orgToken(ORG_A))).toBe(1);
    expect(await statusOf(A2)).toBe('not_installed');
    expect(await statusOf(A1)).not.toBe('not_installed');

    now = new Date(NOW.getTime() + 10 * DAY);
    await t.cloud.addToOrg(A2);
    await waitFor('A2 back', async () => (await t.repos.teamLifecycle.get(A2)) === null);
    now = new Date(NOW.getTime() + 31 * DAY);
    expect(await t.app.scheduler!.purges.tick()).toEqual({ purged: [], failed: [] });
    expect(await t.repos.deals.list(A2)).toHaveLength(1);
  });

  it('installing org-wide again within the grace period cancels the purge of the workspaces that left with the org, not of one removed on its own', async () => {
    await installEverywhere(30);
    await t.cloud.removeFromOrg(A2);
    await waitFor('A2 forgotten', () => t.repos.teamLifecycle.get(A2));
    await t.cloud.uninstallOrg(ORG_A);
    await waitFor('org A forgotten', () => t.repos.teamLifecycle.get(A1));

    now = new Date(NOW.getTime() + 5 * DAY);
    expect((await t.install('', { orgWide: ORG_A })).status).toBe(200);
    expect(await t.repos.teamLifecycle.get(A1)).toBeNull();
    expect(await t.repos.teamLifecycle.get(A2)).toMatchObject({ byOrg: false });

    now = new Date(NOW.getTime() + 31 * DAY);
    expect(await t.app.scheduler!.purges.tick()).toEqual({ purged: [A2], failed: [] });
    expect(await t.repos.deals.list(A1)).toHaveLength(1);
    expect(await t.repos.deals.list(A2)).toEqual([]);
  });

  it('with a grace period of 0 the org workspaces are purged at once', async () => {
    await installEverywhere(0);
    await t.cloud.uninstallOrg(ORG_A);
    await waitFor('org A purged', async () => (await t.repos.teamLifecycle.get(A2))?.purgedAt);
    await waitFor('org A purged', async () => (await t.repos.teamLifecycle.get(A1))?.purgedAt);
    for (const teamId of [A1, A2]) expect(await t.repos.deals.list(teamId)).toEqual([]);
    for (const teamId of [B1, SOLO]) expect(await t.repos.deals.list(teamId)).toHaveLength(1);
  });

  it("an org's team_access events never touch a workspace installed on its own", async () => {
    await installEverywhere(30);
    const fromOrgA = t.cloud.workspace(A1).driver;
    await fromOrgA.event({ type: 'team_access_revoked', team_ids: [SOLO, A2] });
    await waitFor('A2 forgotten', () => t.repos.teamLifecycle.get(A2));
    expect(await t.repos.teamLifecycle.get(SOLO)).toBeNull();
    expect((await t.repos.installations.list()).map((r) => r.teamId)).toContain(SOLO);

    await t.cloud.workspace(SOLO).driver.event({ type: 'app_uninstalled' });
    await waitFor('SOLO uninstalled', () => t.repos.teamLifecycle.get(SOLO));
    await fromOrgA.event({ type: 'team_access_granted', team_ids: [SOLO, A2] });
    await waitFor('A2 back', async () => (await t.repos.teamLifecycle.get(A2)) === null);
    expect(await t.repos.teamLifecycle.get(SOLO)).toMatchObject({ enterpriseId: null });
  });
});
