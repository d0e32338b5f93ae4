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
    internalOnly: false,
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

export const HELEN = stakeholder(4, 'Helen Cho', { title: 'CFO', buyingRole: 'economic_buyer' });
export const DANA_VP = stakeholder(5, 'Dana Lee', { title: 'VP Operations', buyingRole: 'champion' });
export const PRIYA_TE = stakeholder(6, 'Priya Shah', {
  title: 'IT architect',
  buyingRole: 'technical_evaluator',
});

/**
 * The 12-entry deal of issue 14: a VP Operations, a technical evaluator and a CFO; a proposal logged before any
 * driver; a budget freeze ("no new spend before March"); "95% on-time by Q3"; and a personal fear, internal-only.
 */
export function harborDeal(): DraftInput {
  return {
    deal: { accountName: 'Harbor Freight Lines', dealName: 'Harbor dispatch renewal', stage: 'discovery' },
    stakeholders: [HELEN, DANA_VP, PRIYA_TE],
    version: 1,
    entries: [
      entry(31, 'proposal', 'Start with the routing module', { saidOn: '2026-02-02' }),
      entry(32, 'driver', 'Cross-border shipments lose three days', {
        quote: 'we lose three days on every cross-border shipment',
        stakeholderId: 5,
        status: 'confirmed',
        priority: 'high',
        saidOn: '2026-02-03',
      }),
      entry(33, 'driver', 'Late deliveries cost penalty fees', {
        quote: 'we paid 400k in late-delivery penalties last year',
        stakeholderId: 4,
        status: 'confirmed',
        priority: 'high',
        saidOn: '2026-02-03',
      }),
      entry(34, 'driver', 'Dispatch runs on spreadsheets', {
        quote: 'dispatch still runs on three spreadsheets',
        stakeholderId: 6,
        saidOn: '2026-02-04',
      }),
      entry(35, 'initiative', 'Consolidate carriers in 2027', {
        quote: 'we want to get down to three carriers by 2027',
        stakeholderId: 5,
        status: 'confirmed',
        saidOn: '2026-02-04',
      }),
      entry(36, 'success_factor', '95% on-time delivery by Q3', {
        quote: "95% on time by Q3, that's the number the board watches",
        stakeholderId: 5,
        status: 'confirmed',
        priority: 'high',
        saidOn: '2026-02-05',
      }),
      entry(37, 'success_factor', 'Penalty fees halved within a year', {
        stakeholderId: 4,
        saidOn: '2026-02-05',
      }),
      entry(38, 'constraint', 'No new spend before March', {
        quote: 'no new spend before March, full stop',
        stakeholderId: 4,
        status: 'confirmed',
        priority: 'high',
        constraintCategory: 'budget',
        severity: 'high',
        saidOn: '2026-02-06',
      }),
      entry(39, 'constraint', 'Anything new must use Azure AD single sign-on', {
        quote: 'anything new has to sit behind our Azure AD SSO',
        stakeholderId: 6,
        status: 'confirmed',
        constraintCategory: 'technical',
        severity: 'medium',
        saidOn: '2026-02-06',
      }),
      entry(40, 'constraint', 'Shipment data stays in the EU', {
        quote: 'our shipment data cannot leave the EU',
        stakeholderId: 6,
        constraintCategory: 'policy_legal',
        severity: 'high',
        saidOn: '2026-02-06',
      }),
      entry(41, 'risk', 'If it slips, the operations team takes the blame', {
        quote: 'if we start and it slips, my team takes the blame in front of the board',
        stakeholderId: 5,
        status: 'confirmed',
        priority: 'high',
        internalOnly: true,
        saidOn: '2026-02-07',
      }),
      entry(42, 'proposal', 'A pilot on one cross-border lane', { saidOn: '2026-02-09' }),
    ],
  };
}

/** A thin deal: we pitched first, one unconfirmed driver in our words, nothing else yet. */
export function thinDeal(): DraftInput {
  return {
    deal: { accountName: 'Acme', dealName: 'Acme pilot', stage: 'discovery' },
    stakeholders: [SAM],
    version: 1,
    entries: [
      entry(51, 'proposal', 'Offer the analytics add-on', { saidOn: '2026-03-01' }),
      entry(52, 'driver', 'Month-end reporting takes a week', { stakeholderId: 2, saidOn: '2026-03-02' }),
    ],
  };
}
