/** The CRMs a deal can be linked to. */
export const CRM_PROVIDERS = ['salesforce', 'hubspot'] as const;
export type CrmProvider = (typeof CRM_PROVIDERS)[number];

/** The CRM a user named ("salesforce", "hubspot"), or null. */
export const parseCrmProvider = (word: string | undefined): CrmProvider | null =>
  CRM_PROVIDERS.find((provider) => provider === word) ?? null;

export const CRM_LABELS: Record<CrmProvider, { crm: string; record: string }> = {
  salesforce: { crm: 'Salesforce', record: 'opportunity' },
  hubspot: { crm: 'HubSpot', record: 'deal' },
};

/** A contact on the opportunity/deal with the role the CRM gives them (Decision Maker, Champion...). */
export interface CrmContact {
  id: string;
  name: string;
  email: string | null;
  role: string | null;
}

/**
 * What the CRM owns and the app only shows: read on link, on refresh and before each weekly run, never
 * edited here.
 */
export interface CrmDealSnapshot {
  provider: CrmProvider;
  recordId: string;
  name: string;
  accountName: string | null;
  stage: string;
  amount: number | null;
  currency: string | null;
  /** YYYY-MM-DD */
  closeDate: string | null;
  ownerId: string | null;
  ownerName: string | null;
  contacts: CrmContact[];
  /** The CRM's last-modified time (ISO), used to detect concurrent edits before a write. */
  lastModified: string;
  /** The record's page for people, when the adapter knows its org/portal (per-team OAuth connections). */
  recordUrl?: string | null;
}

/** One search hit for the typeahead. */
export interface CrmDealHit {
  recordId: string;
  name: string;
  stage: string;
}

/** A field the admin may map (from Salesforce describe or HubSpot properties). */
export interface CrmField {
  name: string;
  label: string;
  type: string;
  updateable: boolean;
}

/** A CRM user who can own tasks (Salesforce User, HubSpot owner). */
export interface CrmUser {
  id: string;
  name: string;
}

export interface CrmTaskInput {
  subject: string;
  body: string;
  /** YYYY-MM-DD */
  dueDate: string | null;
  contactId: string | null;
  ownerId: string | null;
}

export type CrmFailureKind =
  | 'stale'
  | 'validation'
  | 'permission'
  | 'rate_limited'
  | 'not_found'
  | 'auth'
  | 'unavailable';
