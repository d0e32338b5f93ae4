import type { CrmDealSnapshot, CrmProvider } from './types.js';

/** A deal channel linked to one CRM record, chosen by a person (URL or search), never guessed. */
export interface CrmLink {
  teamId: string;
  dealId: number;
  provider: CrmProvider;
  recordId: string;
  snapshot: CrmDealSnapshot;
  linkedBy: string;
  refreshedAt: Date;
}

export const CRM_WRITE_ACTIONS = ['note', 'task', 'field'] as const;
export type CrmWriteAction = (typeof CRM_WRITE_ACTIONS)[number];
/** done = written; refused = the CRM said no (validation, permission); stale = changed since we read it. */
export type CrmWriteStatus = 'done' | 'refused' | 'stale' | 'failed' | 'skipped';

/** One line of the audit log: every write we attempt, what it was, before, after, who. */
export interface CrmWrite {
  id: number;
  teamId: string;
  dealId: number;
  provider: CrmProvider;
  recordId: string;
  userId: string;
  action: CrmWriteAction;
  /** The note title, the decision id, or the CRM field name. */
  target: string;
  before: string | null;
  after: string | null;
  status: CrmWriteStatus;
  crmId: string | null;
  message: string | null;
  at: Date;
}

export type NewCrmWrite = Omit<CrmWrite, 'id' | 'at'> & { at?: Date };

/** What of ours may go into a mapped CRM field (MEDDICC terms). */
export const CRM_SOURCES = [
  'drivers',
  'success_factors',
  'decision_criteria',
  'decision_process',
  'constraints',
] as const;
export type CrmSource = (typeof CRM_SOURCES)[number];

export const CRM_SOURCE_LABELS: Record<CrmSource, string> = {
  drivers: 'Business drivers (Identify pain)',
  success_factors: 'Success factors (Metrics)',
  decision_criteria: 'Decision criteria',
  decision_process: 'Decision process (open decisions)',
  constraints: 'Constraints',
};

export interface CrmFieldMapping {
  teamId: string;
  provider: CrmProvider;
  source: CrmSource;
  field: string;
  fieldLabel: string;
  mappedBy: string;
}
