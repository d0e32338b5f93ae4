import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../../src/sandbox/seed.js';
import { testEngines } from '../../support/databases.js';
import { type OAuthTestApp, startOAuthTestApp } from '../../support/oauth-harness.js';
import { seedTeam } from '../../support/team-seed.js';
import { waitFor } from '../../support/wait.js';

const NOW = new Date('2026-12-07T18:00:00Z');
const DAY = 86_400_000;

describe.each(testEngines())('uninstalling one of two workspaces ($name)', (engine) => {
  let t: OAuthTestApp;
  afterEach(async () => t?.close());

  async function twoInstalledTeams(purgeGraceDays: number) {
    let now = NOW;
    t = await startOAuthTestApp({
      teams: ['T0ALPHA', 'T0BETA'],
      engine,
      purgeGraceDays,
      clock: () => now,
      scheduler: true,
    });
    for (const teamId of ['T0ALPHA', 'T0BETA']) {
      await t.install(teamId);
      await seedTeam(t.repos, teamId);
    }
    return { setNow: (date: Date) => (now = date) };
  }

  it('stops its jobs and deletes its tokens at once, purges its data after the grace period, keeps the other', async () => {
    const clock = await twoInstalledTeams(30);
    await t.cloud.workspace('T0ALPHA').driver.event({ type: 'app_uninstalled' });
    await waitFor('the uninstall', () => t.repos.teamLifecycle.get('T0ALPHA'));
    t.cloud.revokeTeam('T0ALPHA');

    expect((await t.repos.installations.list()).map((r) => r.teamId)).toEqual(['T0BETA']);
    const nudges = await t.app.scheduler!.nudges.tick();
    expect(nudges.find((r) => r.teamId === 'T0ALPHA')?.status).toBe('not_installed');
    expect(
      t.cloud
        .workspace('T0ALPHA')
        .calls()
        .filter((c) => c.method !== 'auth.test'),
    ).toEqual([]);

    clock.setNow(new Date(NOW.getTime() + 29 * DAY));
    expect(await t.app.scheduler!.purges.tick()).toEqual({ purged: [], failed: [] });
    expect(await t.repos.deals.list('T0ALPHA')).toHaveLength(1);

    clock.setNow(new Date(NOW.getTime() + 30 * DAY));
    expect(await t.app.scheduler!.purges.tick()).toEqual({ purged: ['T0ALPHA'], failed: [] });
    expect(await t.repos.deals.list('T0ALPHA')).toEqual([]);
    expect(await t.repos.teamData.exportTeam('T0ALPHA')).toMatchObject({
      deals: [],
      entries: [],
      decisions: [],
    });
    expect(await t.repos.deals.list('T0BETA')).toHaveLength(1);
    expect((await t.repos.teamData.exportTeam('T0BETA')).entries).toHaveLength(1);
    expect(await t.app.scheduler!.purges.tick()).toEqual({ purged: [], failed: [] });

    // The other workspace still works with its own token.
    const beta = t.cloud.workspace('T0BETA');
    await beta.driver.event({ type: 'app_home_opened', user: DEMO_IDS.rep, channel: 'D0HOME', tab: 'home' });
    await beta.state.waitFor(() => beta.calls('views.publish')[0]);
  });

  it('with a grace period of 0, tokens_revoked for the bot purges at once; a revoked user token alone does not', async () => {
    await twoInstalledTeams(0);
    const alpha = t.cloud.workspace('T0ALPHA');
    await alpha.driver.event({ type: 'tokens_revoked', tokens: { oauth: ['U0REP'] } });
    await alpha.driver.event({ type: 'app_home_opened', user: DEMO_IDS.rep, channel: 'D0HOME', tab: 'home' });
    await alpha.state.waitFor(() => alpha.calls('views.publish')[0]);
    expect(await t.repos.teamLifecycle.get('T0ALPHA')).toBeNull();

    await alpha.driver.event({ type: 'tokens_revoked', tokens: { bot: [DEMO_IDS.botUser] } });
    await waitFor('the purge', async () => (await t.repos.teamLifecycle.get('T0ALPHA'))?.purgedAt);
    expect(await t.repos.deals.list('T0ALPHA')).toEqual([]);
    expect((await t.repos.installations.list()).map((r) => r.teamId)).toEqual(['T0BETA']);
    expect(await t.repos.deals.list('T0BETA')).toHaveLength(1);
  });

  it('installing again cancels the scheduled purge', async () => {
    const clock = await twoInstalledTeams(30);
    await t.cloud.workspace('T0ALPHA').driver.event({ type: 'app_uninstalled' });
    await waitFor('the uninstall', () => t.repos.teamLifecycle.get('T0ALPHA'));
    expect((await t.install('T0ALPHA')).status).toBe(200);
    expect(await t.repos.teamLifecycle.get('T0ALPHA')).toBeNull();
    clock.setNow(new Date(NOW.getTime() + 31 * DAY));
    expect(await t.app.scheduler!.purges.tick()).toEqual({ purged: [], failed: [] });
    expect(await t.repos.deals.list('T0ALPHA')).toHaveLength(1);
  });
});
