import type {
  CrmDealHit,
  CrmDealSnapshot,
  CrmFailureKind,
  CrmField,
  CrmProvider,
  CrmTaskInput,
  CrmUser,
} from '../domain/crm/types.js';

/**
 * A failure the rep must see as the CRM said it: validation rules and permission errors keep the CRM's words
 * in `message`; `stale` means someone changed the record since we read it.
 */
export class CrmError extends Error {
  constructor(
    readonly kind: CrmFailureKind,
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'CrmError';
  }
}

export interface FieldValue {
  value: string | null;
  /** The record's last-modified time (ISO) when the value was read. */
  lastModified: string;
}

/**
 * One CRM, one org/portal. Every method may throw CrmError; none runs on Slack's ack path.
 */
export interface CrmAdapter {
  readonly provider: CrmProvider;
  /** A key for the per-org/portal limiter. */
  readonly accountKey: string;
  getDeal(recordId: string): Promise<CrmDealSnapshot>;
  searchDeals(query: string, limit: number): Promise<CrmDealHit[]>;
  listFields(): Promise<CrmField[]>;
  readField(recordId: string, field: string): Promise<FieldValue>;
  /**
   * Writes one field only if the record was not modified after `expectedLastModified`
   * (Salesforce If-Unmodified-Since, HubSpot re-read just before the write); throws CrmError('stale') if it was.
   */
  writeField(recordId: string, field: string, value: string, expectedLastModified: string): Promise<void>;
  /** Creates one note on the record; returns the CRM id of the note. */
  createNote(recordId: string, title: string, body: string): Promise<string>;
  /** The active CRM user with this email (Salesforce User.Email, HubSpot owner email), if exactly known. */
  findUserByEmail(email: string): Promise<CrmUser | null>;
  /** Creates one task on the record; returns the CRM id of the task. */
  createTask(recordId: string, task: CrmTaskInput): Promise<string>;
}
