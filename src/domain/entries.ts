export const ENTRY_KINDS = [
  'driver',
  'initiative',
  'success_factor',
  'constraint',
  'risk',
  'proposal',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Kinds that hold the customer's view; `proposal` is ours and is kept apart. */
export const CUSTOMER_KINDS: readonly EntryKind[] = [
  'driver',
  'initiative',
  'success_factor',
  'constraint',
  'risk',
];

export const ENTRY_KIND_LABELS: Record<EntryKind, { one: string; many: string }> = {
  driver: { one: 'Business driver', many: 'Business drivers' },
  initiative: { one: 'Initiative', many: 'Initiatives' },
  success_factor: { one: 'Success factor', many: 'Success factors' },
  constraint: { one: 'Constraint', many: 'Constraints' },
  risk: { one: 'Risk', many: 'Risks' },
  proposal: { one: 'Our proposal', many: 'Our proposals' },
};

export const CONSTRAINT_CATEGORIES = [
  'budget',
  'timing',
  'risk',
  'resources',
  'technical',
  'policy_legal',
  'other',
] as const;
export type ConstraintCategory = (typeof CONSTRAINT_CATEGORIES)[number];

export const CONSTRAINT_CATEGORY_LABELS: Record<ConstraintCategory, string> = {
  budget: 'Budget',
  timing: 'Timing',
  risk: 'Risk',
  resources: 'Resources',
  technical: 'Technical',
  policy_legal: 'Policy / legal',
  other: 'Other',
};

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const PRIORITIES = ['low', 'medium', 'high'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const ENTRY_STATUSES = ['unconfirmed', 'confirmed', 'corrected'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export const ENTRY_STATUS_LABELS: Record<EntryStatus, string> = {
  unconfirmed: 'Unconfirmed',
  confirmed: 'Confirmed by customer',
  corrected: 'Corrected by customer',
};

export const SOURCE_TYPES = ['meeting', 'message', 'text'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** Where an entry came from: a meeting recap, a Slack message permalink, or free text ("call with Dana"). */
export interface EntrySource {
  type: SourceType;
  /** meeting id, message permalink or free text */
  ref: string;
}

/** One thing the customer said (or, for `proposal`, one thing we proposed). */
export interface Entry {
  id: number;
  teamId: string;
  dealId: number;
  kind: EntryKind;
  /** Our one-line summary. */
  statement: string;
  /** The customer's verbatim words, when we have them. */
  quote: string | null;
  stakeholderId: number | null;
  source: EntrySource | null;
  /** The day it was said (YYYY-MM-DD). */
  saidOn: string | null;
  priority: Priority;
  status: EntryStatus;
  constraintCategory: ConstraintCategory | null;
  severity: Severity | null;
  /** Never shown to the customer: feeds the rep's private listening check and questions only. */
  internalOnly: boolean;
  archived: boolean;
  createdBy: string;
  createdAt: Date;
  updatedBy: string;
  updatedAt: Date;
}

export type EntryFields = Pick<
  Entry,
  | 'kind'
  | 'statement'
  | 'quote'
  | 'stakeholderId'
  | 'source'
  | 'saidOn'
  | 'priority'
  | 'status'
  | 'constraintCategory'
  | 'severity'
  | 'internalOnly'
>;

export type NewEntry = Omit<EntryFields, 'internalOnly'> & {
  /** Defaults to false: shareable with the customer. */
  internalOnly?: boolean;
  teamId: string;
  dealId: number;
  createdBy: string;
};

/** One recorded change to an entry: which fields changed, from what to what. */
export interface EntryRevision {
  id: number;
  teamId: string;
  entryId: number;
  changedBy: string;
  changedAt: Date;
  changes: Record<string, { from: unknown; to: unknown }>;
}

export function isCustomerKind(kind: EntryKind): boolean {
  return kind !== 'proposal';
}

/** Field-by-field difference between an entry and its edited fields, for the edit history. */
export function diffEntryFields(
  before: EntryFields,
  after: Partial<EntryFields>,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof EntryFields)[]) {
    const from = before[key];
    const to = after[key];
    if (to === undefined) continue;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}
