import type { Generated } from 'kysely';

type Timestamp = string | Date;

/** CRM tables (migration 0008_crm); kept apart from schema.ts so the CRM feature stays in its own files. */
export type CrmTables = {
  crm_credentials: {
    team_id: string;
    provider: string;
    access_token_sealed: string;
    refresh_token_sealed: string | null;
    instance_url: string;
    updated_at: Timestamp;
    /** 0014_crm_token_expiry */
    expires_at: Timestamp | null;
    account_id: string | null;
  };
  crm_links: {
    team_id: string;
    deal_id: number;
    provider: string;
    record_id: string;
    snapshot: string;
    linked_by: string;
    refreshed_at: Timestamp;
  };
  crm_writes: {
    id: Generated<number>;
    team_id: string;
    deal_id: number;
    provider: string;
    record_id: string;
    user_id: string;
    action: string;
    target: string;
    before_value: string | null;
    after_value: string | null;
    status: string;
    crm_id: string | null;
    message: string | null;
    at: Timestamp;
  };
  crm_field_maps: {
    team_id: string;
    provider: string;
    source: string;
    field: string;
    field_label: string;
    mapped_by: string;
  };
};
