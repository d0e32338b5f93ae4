import type { Deal } from '../../../src/domain/deals.js';
import type { Decision } from '../../../src/domain/decisions.js';
import type { Entry } from '../../../src/domain/entries.js';
import type { Stakeholder } from '../../../src/domain/stakeholders.js';

export const TEAM = 'T01TEAM';
const CREATED = new Date('2026-10-01T08:00:00Z');

export function makeDeal(overrides: Partial<Deal> = {}): Deal {
  return {
    id: 1,
    teamId: TEAM,
    channelId: 'C0DEAL1',
    accountName: 'Acme Logistics',
    dealName: 'Acme routing',
    stage: 'proposal',
    ownerUserId: 'U0OWNER',
    crmUrl: null,
    stallDays: null,
    nudgesMuted: false,
    archived: false,
    createdAt: CREATED,
    updatedAt: CREATED,
    ...overrides,
  };
}

export function makeDecision(overrides: Partial<Decision> = {}): Decision {
  return {
    id: 10,
    teamId: TEAM,
    dealId: 1,
    title: 'Pick a pilot region',
    customerOwnerId: null,
    ourOwnerUserId: 'U0REP',
    dueDate: null,
    status: 'open',
    outcome: null,
    snoozedUntil: null,
    lastActivityAt: CREATED,
    relatedEntryIds: [],
    threadTs: null,
    createdBy: 'U0REP',
    createdAt: CREATED,
    updatedAt: CREATED,
    ...overrides,
  };
}

export function makeEntry(overrides: Partial<Entry> = {}): Entry {
  return {
    id: 100,
    teamId: TEAM,
    dealId: 1,
    kind: 'driver',
    statement: 'Shipments are slow',
    quote: null,
    stakeholderId: null,
    source: null,
    saidOn: null,
    priority: 'medium',
    status: 'confirmed',
    constraintCategory: null,
    severity: null,
    internalOnly: false,
    archived: false,
    createdBy: 'U0REP',
    createdAt: CREATED,
    updatedBy: 'U0REP',
    updatedAt: CREATED,
    ...overrides,
  };
}

export function makeStakeholder(overrides: Partial<Stakeholder> = {}): Stakeholder {
  return {
    id: 500,
    teamId: TEAM,
    dealId: 1,
    name: 'Dana Lee',
    title: 'VP Operations',
    buyingRole: 'economic_buyer',
    createdAt: CREATED,
    ...overrides,
  };
}
