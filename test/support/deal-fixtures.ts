import type { Deal, NewDeal } from '../../src/domain/deals.js';
import type { Entry, NewEntry } from '../../src/domain/entries.js';
import type { TestApp } from './harness.js';

type Fixtures = Pick<TestApp, 'repos' | 'ids'>;

/**
 * Links a channel to a deal directly in storage (deal setup itself is tested in setup.test.ts).
 * Defaults: #deal-acme of the demo team, "Acme Corp" / "Platform rollout", discovery, owned by the rep.
 */
export function linkDeal(t: Fixtures, deal: Partial<NewDeal> = {}): Promise<Deal> {
  return t.repos.deals.upsertByChannel({
    teamId: t.ids.team,
    channelId: t.ids.dealAcme,
    accountName: 'Acme Corp',
    dealName: 'Platform rollout',
    stage: 'discovery',
    ownerUserId: t.ids.rep,
    ...deal,
  });
}

export type EntryFields = Partial<NewEntry> & Pick<NewEntry, 'kind' | 'statement'>;

/** Logs an entry on the deal, written by the rep; unset fields are empty (medium priority, unconfirmed). */
export function addEntry(t: Fixtures, deal: Deal, fields: EntryFields): Promise<Entry> {
  return t.repos.entries.create({
    teamId: deal.teamId,
    dealId: deal.id,
    createdBy: t.ids.rep,
    quote: null,
    stakeholderId: null,
    source: null,
    saidOn: null,
    priority: 'medium',
    status: 'unconfirmed',
    constraintCategory: null,
    severity: null,
    ...fields,
  });
}

/** A message's text and blocks as one string, to look for what a user would see. */
export const everything = (m: { text: string; blocks?: unknown }) =>
  `${m.text}\n${JSON.stringify(m.blocks ?? [])}`;
