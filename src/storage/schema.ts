import type { Generated } from 'kysely';

/**
 * Table shapes as Kysely sees them. Timestamps are ISO-8601 strings when written; PostgreSQL stores them as
 * timestamptz and returns Date objects, SQLite as text (see sql/convert.ts). Booleans are 0/1 integers on both.
 */
type Timestamp = string | Date;

export interface WorkspacesTable {
  team_id: string;
  settings: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DealsTable {
  id: Generated<number>;
  team_id: string;
  channel_id: string;
  account_name: string;
  deal_name: string;
  stage: string;
  owner_user_id: string;
  crm_url: string | null;
  stall_days: number | null;
  nudges_muted: number;
  archived: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface StakeholdersTable {
  id: Generated<number>;
  team_id: string;
  deal_id: number;
  name: string;
  name_key: string;
  title: string | null;
  buying_role: string;
  created_at: Timestamp;
}

export interface EntriesTable {
  id: Generated<number>;
  team_id: string;
  deal_id: number;
  kind: string;
  statement: string;
  quote: string | null;
  stakeholder_id: number | null;
  source_type: string | null;
  source_ref: string | null;
  said_on: string | null;
  priority: string;
  status: string;
  constraint_category: string | null;
  severity: string | null;
  /** 1: never shown to the customer (migration 0007). */
  internal_only: Generated<number>;
  archived: number;
  created_by: string;
  created_at: Timestamp;
  updated_by: string;
  updated_at: Timestamp;
}

export interface EntryRevisionsTable {
  id: Generated<number>;
  team_id: string;
  entry_id: number;
  changed_by: string;
  changed_at: Timestamp;
  changes: string;
}

export interface DecisionsTable {
  id: Generated<number>;
  team_id: string;
  deal_id: number;
  title: string;
  customer_owner_id: number | null;
  our_owner_user_id: string | null;
  due_date: string | null;
  status: string;
  outcome: string | null;
  snoozed_until: Timestamp | null;
  last_activity_at: Timestamp;
  related_entry_ids: string;
  thread_ts: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface IdempotencyKeysTable {
  team_id: string;
  key: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ProcessedEventsTable {
  team_id: string;
  event_id: string;
  received_at: Timestamp;
}

export interface ListenNudgesTable {
  id: Generated<number>;
  team_id: string;
  deal_id: number;
  user_id: string;
  kind: string;
  period_key: string;
  sent_at: Timestamp;
}

export interface ListenModelSettingsTable {
  team_id: string;
  enabled: number;
  changed_by: string;
  changed_at: Timestamp;
}

export interface ListenModelUsageTable {
  team_id: string;
  /** YYYY-MM-DD, UTC */
  day: string;
  calls: number;
}

export interface ListenQuietUsersTable {
  team_id: string;
  user_id: string;
  quiet_since: Timestamp;
}

export interface NudgeRunsTable {
  team_id: string;
  run_key: string;
  scheduled_for: Timestamp;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  status: string;
  attempts: number;
  sent_count: number;
  failed_count: number;
  last_error: string | null;
}

export interface NudgeSendsTable {
  id: Generated<number>;
  team_id: string;
  send_key: string;
  run_key: string;
  kind: string;
  decision_ids: string;
  deal_id: number | null;
  user_id: string | null;
  channel_id: string;
  message_ts: string | null;
  status: string;
  error: string | null;
  claimed_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface DraftVersionsTable {
  id: Generated<number>;
  team_id: string;
  deal_id: number;
  version: number;
  content: string;
  unverified: string;
  rendered_text: string;
  provider: string;
  model: string;
  prompt_tokens: number;
  completion_tokens: number;
  usage_estimated: number;
  latency_ms: number;
  left_out: number;
  fallback_reason: string | null;
  citation_problems: string;
  citations: string;
  status: string;
  created_by: string;
  created_at: Timestamp;
  channel_id: string | null;
  message_ts: string | null;
  thread_ts: string | null;
  reply_ts: string;
  status_changed_by: string | null;
  status_changed_at: Timestamp | null;
  status_note: string | null;
}

export interface MeetingsTable {
  id: Generated<number>;
  team_id: string;
  deal_id: number;
  channel_id: string;
  title: string;
  meeting_date: string;
  starts_at: Timestamp | null;
  ends_at: Timestamp | null;
  status: string;
  our_user_ids: string;
  customer_stakeholder_ids: string;
  customer_new: string;
  notes: string | null;
  transcript: string | null;
  proposed_by_us: string | null;
  recap_ts: string | null;
  prompt_ts: string | null;
  prompt_posted_at: Timestamp | null;
  analysis: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RecapSubmissionsTable {
  id: Generated<number>;
  team_id: string;
  deal_id: number;
  channel_id: string;
  user_id: string;
  view_id: string;
  payload: string;
  title: string | null;
  status: string;
  failure: string | null;
  meeting_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RecapProposalsTable {
  id: Generated<number>;
  team_id: string;
  meeting_id: number;
  kind: string;
  payload: string;
  status: string;
  entry_id: number | null;
  decision_id: number | null;
  message_ts: string | null;
  resolved_by: string | null;
  resolved_at: Timestamp | null;
  created_at: Timestamp;
}

export interface InstallationsTable {
  /** '' when the workspace is not part of an Enterprise Grid org. */
  enterprise_id: string;
  /** '' for an org-wide install. */
  team_id: string;
  is_enterprise_install: number;
  bot_user_id: string | null;
  /** The Installation as JSON, sealed with AES-256-GCM (see crypto/token-cipher.ts). */
  sealed: string;
  installed_at: Timestamp;
  updated_at: Timestamp;
}

export interface TeamUninstallsTable {
  team_id: string;
  enterprise_id: string;
  uninstalled_at: Timestamp;
  purge_after: Timestamp;
  purged_at: Timestamp | null;
  /** 1 when the workspace left with its whole Enterprise Grid org (an org-wide uninstall). */
  by_org: number;
}

/** A workspace an org-wide installation acts in (Enterprise Grid). */
export interface OrgWorkspacesTable {
  enterprise_id: string;
  team_id: string;
  seen_at: Timestamp;
}

export interface DealCoachingChannelsTable {
  team_id: string;
  deal_id: number;
  channel_id: string;
  updated_at: Timestamp;
}

export interface ChannelSharingTable {
  team_id: string;
  channel_id: string;
  is_ext_shared: number;
  checked_at: Timestamp;
}

/** Later features add their tables here (drafts, meetings, nudge runs, event log...). */
export interface Database {
  workspaces: WorkspacesTable;
  deals: DealsTable;
  stakeholders: StakeholdersTable;
  entries: EntriesTable;
  entry_revisions: EntryRevisionsTable;
  decisions: DecisionsTable;
  idempotency_keys: IdempotencyKeysTable;
  nudge_runs: NudgeRunsTable;
  nudge_sends: NudgeSendsTable;
  processed_events: ProcessedEventsTable;
  listen_nudges: ListenNudgesTable;
  listen_quiet_users: ListenQuietUsersTable;
  listen_model_settings: ListenModelSettingsTable;
  listen_model_usage: ListenModelUsageTable;
  meetings: MeetingsTable;
  recap_proposals: RecapProposalsTable;
  recap_submissions: RecapSubmissionsTable;
  draft_versions: DraftVersionsTable;
  installations: InstallationsTable;
  team_uninstalls: TeamUninstallsTable;
  org_workspaces: OrgWorkspacesTable;
  channel_sharing: ChannelSharingTable;
  deal_coaching_channels: DealCoachingChannelsTable;
}
