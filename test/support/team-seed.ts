import { DEMO_IDS } from '../../src/sandbox/seed.js';
import type { Repositories } from '../../src/storage/ports.js';
import { addEntry } from './deal-fixtures.js';

/** A little of everything for one team: workspace settings, a deal, an entry and its revision, a decision. */
export async function seedTeam(repos: Repositories, teamId: string, channelId = DEMO_IDS.dealAcme) {
  await repos.workspaces.updateSettings(teamId, { nudgesEnabled: true });
  const deal = await repos.deals.upsertByChannel({
    teamId,
    channelId,
    accountName: `Account of ${teamId}`,
    dealName: 'Rollout',
    stage: 'discovery',
    ownerUserId: DEMO_IDS.rep,
  });
  const entry = await addEntry({ repos, ids: DEMO_IDS }, deal, {
    kind: 'driver',
    statement: `Driver of ${teamId}`,
  });
  await repos.entries.update(teamId, entry.id, { statement: `Driver of ${teamId}, reworded` }, DEMO_IDS.rep);
  await repos.decisions.create({
    teamId,
    dealId: deal.id,
    title: `Decision of ${teamId}`,
    createdBy: DEMO_IDS.rep,
  });
  await repos.idempotency.claim(teamId, `seed-${teamId}`);
  await repos.coachingChannels.set(teamId, deal.id, 'C0INTERNAL', new Date('2026-12-01T10:00:00Z'));
  return deal;
}
