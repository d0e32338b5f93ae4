import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runWeeklyNudges } from '../../src/scheduling/run-weekly-nudges.js';
import { linkDealToCrm } from '../../src/services/crm/link.js';
import { type CrmWorld, startCrmWorld } from '../support/crm-fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { type Clock, fakeClock, jobDeps, RUN_AT, seedStalledDeals } from './fixtures.js';

describe('the weekly run re-reads linked CRM records first', () => {
  let world: CrmWorld;
  let t: TestApp;
  let clock: Clock;
  beforeEach(async () => {
    world = await startCrmWorld();
    world.time.ms = Date.now();
    clock = fakeClock();
    t = await startTestApp({ clock: clock.fn, crm: world.config });
    await seedStalledDeals(t, clock);
  });
  afterEach(async () => {
    await t.close();
    await world.close();
  });

  it('a due run refreshes the stage from the CRM; a run that is not due reads nothing from it', async () => {
    const crm = t.app.deps.crm;
    if (!crm) throw new Error('CRM not wired');
    const acme = await t.repos.deals.getByChannel(t.ids.team, t.ids.dealAcme);
    if (!acme) throw new Error('no deal');
    const ref = { provider: 'hubspot' as const, recordId: world.ids.dealId };
    await linkDealToCrm(
      { repos: t.repos, crm, clock: clock.fn },
      { teamId: t.ids.team, dealId: acme.id, userId: t.ids.rep, ref },
    );
    const hs = world.emulator.state.hubspot;
    hs.deals.set(world.ids.dealId, {
      ...hs.deals.get(world.ids.dealId),
      dealstage: 'closedwon',
      hs_lastmodifieddate: new Date().toISOString(),
    });
    const deps = { ...jobDeps(t), refreshCrmBeforeRun: t.app.deps.refreshCrmBeforeRun };

    await runWeeklyNudges({ now: clock.now, deps, client: t.app.bolt.client, teamId: t.ids.team });
    expect((await t.repos.deals.getById(t.ids.team, acme.id))?.stage).toBe('Closed Won');

    // The same week again: the run is not due, so the CRM is not read.
    const requests = hs.requests;
    const later = new Date(RUN_AT.getTime() + 86_400_000);
    const [report] = await runWeeklyNudges({
      now: later,
      deps,
      client: t.app.bolt.client,
      teamId: t.ids.team,
    });
    expect(report?.status).toBe('not_due');
    expect(hs.requests).toBe(requests);
  });
});
