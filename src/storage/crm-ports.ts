import type { CrmCredentialRepository } from '../crm/token-store.js';
import type { CrmFieldMapping, CrmLink, CrmSource, CrmWrite, NewCrmWrite } from '../domain/crm/records.js';
import type { CrmDealSnapshot, CrmProvider } from '../domain/crm/types.js';

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
