import type { Deal, NewDeal } from '../domain/deals.js';
import type { Decision, DecisionStatus, DecisionUpdate, NewDecision } from '../domain/decisions.js';
import type { Entry, EntryFields, EntryKind, EntryRevision, NewEntry } from '../domain/entries.js';
import type { NewStakeholder, Stakeholder } from '../domain/stakeholders.js';
import type { Workspace, WorkspaceSettings } from '../domain/workspaces.js';

/**
 * Repository ports. Every method takes the Slack team id first and never returns another team's rows.
 * One implementation (Kysely) serves both SQLite and PostgreSQL.
 */
export interface WorkspaceRepository {
  get(teamId: string): Promise<Workspace>;
  updateSettings(teamId: string, patch: Partial<WorkspaceSettings>): Promise<Workspace>;
  listTeamIds(): Promise<string[]>;
}

export type DealUpdate = Partial<
  Pick<
    Deal,
    'accountName' | 'dealName' | 'stage' | 'ownerUserId' | 'crmUrl' | 'stallDays' | 'nudgesMuted' | 'archived'
  >
>;

export interface DealRepository {
  /** Links the channel to a new deal, or updates the deal already linked to it. */
  upsertByChannel(deal: NewDeal): Promise<Deal>;
  getByChannel(teamId: string, channelId: string): Promise<Deal | null>;
  getById(teamId: string, dealId: number): Promise<Deal | null>;
  update(teamId: string, dealId: number, patch: DealUpdate): Promise<Deal | null>;
  listByOwner(teamId: string, ownerUserId: string): Promise<Deal[]>;
  list(teamId: string): Promise<Deal[]>;
}

export interface StakeholderRepository {
  /** Finds the deal's stakeholder by name (case-insensitive) or creates it. */
  findOrCreate(input: NewStakeholder): Promise<Stakeholder>;
  getById(teamId: string, stakeholderId: number): Promise<Stakeholder | null>;
  listByDeal(teamId: string, dealId: number): Promise<Stakeholder[]>;
}

export interface EntryListFilter {
  kind?: EntryKind;
  includeArchived?: boolean;
}

export interface EntryRepository {
  create(entry: NewEntry): Promise<Entry>;
  getById(teamId: string, entryId: number): Promise<Entry | null>;
  listByDeal(teamId: string, dealId: number, filter?: EntryListFilter): Promise<Entry[]>;
  /** Applies the changed fields and records a revision; returns null when the entry is not the team's. */
  update(
    teamId: string,
    entryId: number,
    patch: Partial<EntryFields>,
    changedBy: string,
  ): Promise<Entry | null>;
  setArchived(teamId: string, entryId: number, archived: boolean, changedBy: string): Promise<Entry | null>;
  history(teamId: string, entryId: number): Promise<EntryRevision[]>;
  countByKind(teamId: string, dealId: number): Promise<Partial<Record<EntryKind, number>>>;
}

export interface DecisionRepository {
  create(decision: NewDecision): Promise<Decision>;
  getById(teamId: string, decisionId: number): Promise<Decision | null>;
  listByDeal(teamId: string, dealId: number, status?: DecisionStatus): Promise<Decision[]>;
  /** Any update counts as activity (last_activity_at = now). */
  update(teamId: string, decisionId: number, patch: DecisionUpdate, now?: Date): Promise<Decision | null>;
  touch(teamId: string, decisionId: number, at: Date): Promise<void>;
}

/**
 * Makes a write happen once per key (e.g. a modal's view id): `claim` returns true the first time a key is
 * seen, false on every retry or double submit. Keys expire after `ttlSeconds`.
 */
export interface IdempotencyRepository {
  claim(teamId: string, key: string, now?: Date, ttlSeconds?: number): Promise<boolean>;
  /** Lets a failed attempt be retried. */
  release(teamId: string, key: string): Promise<void>;
}

export type ListenNudgeKind = 'prescribing' | 'capture_offer';

/** One private nudge: ids and times only, never message text. */
export interface ListenNudge {
  teamId: string;
  dealId: number;
  userId: string;
  kind: ListenNudgeKind;
  /** What "once" means for this kind: a local date (once a day) or a message ts (once per message). */
  periodKey: string;
  sentAt: Date;
}

/** Listening in deal channels: event dedupe, the nudge log and who asked for quiet. */
export interface ListeningRepository {
  /** True the first time (team, key) is seen within a day; false for a retry. Prunes keys older than a day. */
  claimEvent(teamId: string, eventKey: string, now?: Date): Promise<boolean>;
  /** Lets a failed event be handled again when Slack retries it. */
  releaseEvent(teamId: string, eventKey: string): Promise<void>;
  /** Records a nudge unless one with the same (deal, user, kind, periodKey) exists; true when recorded. */
  claimNudge(nudge: ListenNudge): Promise<boolean>;
  /** Forgets a nudge that could not be delivered. */
  releaseNudge(nudge: Omit<ListenNudge, 'sentAt'>): Promise<void>;
  countNudgesSince(
    teamId: string,
    dealId: number,
    userId: string,
    kind: ListenNudgeKind,
    since: Date,
  ): Promise<number>;
  isQuiet(teamId: string, userId: string): Promise<boolean>;
  setQuiet(teamId: string, userId: string, quiet: boolean, now?: Date): Promise<void>;
}

export interface Repositories {
  workspaces: WorkspaceRepository;
  deals: DealRepository;
  stakeholders: StakeholderRepository;
  entries: EntryRepository;
  decisions: DecisionRepository;
  idempotency: IdempotencyRepository;
  listening: ListeningRepository;
}

export interface Storage {
  engine: 'sqlite' | 'postgres';
  repos: Repositories;
  /** Cheap round trip used by /healthz. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
