import type { CrmFieldMapping, CrmLink, CrmSource, CrmWrite, NewCrmWrite } from '../domain/crm/records.js';
import type { CrmDealSnapshot, CrmProvider } from '../domain/crm/types.js';

/** The CRM's repository ports, beside ports.ts (same layer): every method takes the Slack team id first. */

/** Rows as stored: tokens sealed with AES-256-GCM. */
export interface SealedCrmSession {
  accessTokenSealed: string;
  refreshTokenSealed: string | null;
  instanceUrl: string;
  /** When the access token stops working (HubSpot OAuth); null when unknown. */
  expiresAt?: Date | null;
  /** The CRM account the team connected (HubSpot portal id), when known. */
  accountId?: string | null;
}

export interface CrmCredentialRepository {
  get(teamId: string, provider: CrmProvider): Promise<SealedCrmSession | null>;
  put(teamId: string, provider: CrmProvider, session: SealedCrmSession, now?: Date): Promise<void>;
  /** Forgets the team's tokens for this CRM (disconnect); true when there were some. */
  remove(teamId: string, provider: CrmProvider): Promise<boolean>;
}

/** CRM links, the write audit log, field mappings and sealed credentials; every method scoped by team. */
export interface CrmRepository {
  credentials: CrmCredentialRepository;
  getLink(teamId: string, dealId: number): Promise<CrmLink | null>;
  saveLink(link: CrmLink): Promise<CrmLink>;
  saveSnapshot(teamId: string, dealId: number, snapshot: CrmDealSnapshot, at: Date): Promise<void>;
  removeLink(teamId: string, dealId: number): Promise<void>;
  recordWrite(write: NewCrmWrite): Promise<CrmWrite>;
  listWrites(teamId: string, dealId: number, limit?: number): Promise<CrmWrite[]>;
  /** The successful write of this action and target on this record, if any (tasks exactly once). */
  findDoneWrite(
    teamId: string,
    dealId: number,
    action: CrmWrite['action'],
    target: string,
  ): Promise<CrmWrite | null>;
  listMappings(teamId: string, provider: CrmProvider): Promise<CrmFieldMapping[]>;
  saveMapping(mapping: CrmFieldMapping): Promise<void>;
  removeMapping(teamId: string, provider: CrmProvider, source: CrmSource): Promise<void>;
}
