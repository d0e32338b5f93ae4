import type { DraftInput } from '../../../src/domain/drafts/input.js';
import type { Entry } from '../../../src/domain/entries.js';
import type { Stakeholder } from '../../../src/domain/stakeholders.js';

const AT = new Date('2026-02-10T09:00:00Z');

export function stakeholder(id: number, name: string, fields: Partial<Stakeholder> = {}): Stakeholder {
  return { id, teamId: 'T1', dealId: 1, name, title: null, buyingRole: 'other', createdAt: AT, ...fields };
}

/** An entry with sensible defaults; `day` sets saidOn and the creation time. */
export function entry(
  id: number,
  kind: Entry['kind'],
  statement: string,
  fields: Partial<Entry> = {},
): Entry {
  const day = fields.saidOn ?? '2026-02-10';
  const createdAt = new Date(`${day}T09:00:00Z`);
  return {
    id,
    teamId: 'T1',
    dealId: 1,
    kind,
    statement,
    quote: null,
    stakeholderId: null,
    source: { type: 'meeting', ref: 'm1' },
    saidOn: day,
    priority: 'medium',
    status: 'unconfirmed',
    constraintCategory: null,
    severity: null,
    archived: false,
    createdBy: 'U1',
    createdAt,
    updatedBy: 'U1',
    updatedAt: createdAt,
    ...fields,
  };
}

export const DANA = stakeholder(1, 'Dana Lee', { title: 'VP Operations', buyingRole: 'economic_buyer' });
export const SAM = stakeholder(2, 'Sam Ortiz', { title: 'Logistics manager', buyingRole: 'champion' });
export const PRIYA = stakeholder(3, 'Priya Shah', {
  title: 'IT architect',
  buyingRole: 'technical_evaluator',
});

/** A realistic deal: one early proposal, quoted and unquoted items, a silent stakeholder, an archived entry. */
export function nordfreight(): DraftInput {
  return {
    deal: { accountName: 'Nordfreight', dealName: 'Nordfreight carrier consolidation', stage: 'discovery' },
    stakeholders: [DANA, SAM, PRIYA],
    version: 1,
    entries: [
      entry(1, 'proposal', 'Start with the routing module', { saidOn: '2026-02-01' }),
      entry(2, 'driver', 'Cross-border shipments lose three days', {
        quote: 'we lose three days on every cross-border shipment',
        stakeholderId: 1,
        status: 'confirmed',
        priority: 'high',
        saidOn: '2026-02-03',
      }),
      entry(3, 'driver', 'Carrier invoices are reconciled by hand', {
        stakeholderId: 2,
        saidOn: '2026-02-05',
      }),
      entry(4, 'initiative', 'Consolidate carriers in 2027', {
        quote: 'we want to get down to three carriers by 2027',
        stakeholderId: 2,
        status: 'confirmed',
        saidOn: '2026-02-05',
      }),
      entry(5, 'success_factor', '95% on-time delivery by Q3', {
        quote: "95% on time by Q3, that's the number the board watches",
        stakeholderId: 1,
        status: 'confirmed',
        priority: 'high',
        saidOn: '2026-02-06',
      }),
      entry(6, 'constraint', 'No new spend before the March freeze', {
        quote: 'nothing new gets signed before the March freeze',
        priority: 'high',
        constraintCategory: 'budget',
        saidOn: '2026-02-06',
      }),
      entry(7, 'risk', 'If the pilot fails, operations takes the blame', {
        quote: 'if this fails, my team takes the blame',
        stakeholderId: 1,
        status: 'confirmed',
        priority: 'high',
        saidOn: '2026-02-07',
      }),
      entry(8, 'driver', 'Old archived driver', { archived: true, saidOn: '2026-01-01' }),
    ],
  };
}

/** An early deal: we pitched first and have one unconfirmed driver in our own words. */
export function earlyDeal(): DraftInput {
  return {
    deal: { accountName: 'Acme', dealName: 'Acme pilot', stage: 'discovery' },
    stakeholders: [SAM],
    version: 2,
    entries: [
      entry(10, 'proposal', 'Offer the analytics add-on', { saidOn: '2026-03-01' }),
      entry(11, 'driver', 'Reporting takes too long', { saidOn: '2026-03-02' }),
    ],
  };
}
