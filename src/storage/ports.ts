import type { Deal, NewDeal } from '../domain/deals.js';
import type { Decision, DecisionStatus, DecisionUpdate, NewDecision } from '../domain/decisions.js';
import type {
  DraftMessageRef,
  DraftStatus,
  DraftStatusChange,
  DraftVersion,
  NewDraftVersion,
} from '../domain/drafts/version.js';
import type { Entry, EntryFields, EntryKind, EntryRevision, NewEntry } from '../domain/entries.js';
import type {
  Meeting,
  MeetingUpdate,
  NewMeeting,
  NewRecapProposal,
  RecapProposal,
} from '../domain/recap/meeting.js';
import type { NewRecapSubmission, RecapSubmission } from '../domain/recap/submission.js';
import type { NewStakeholder, Stakeholder } from '../domain/stakeholders.js';
import type { Workspace, WorkspaceSettings } from '../domain/workspaces.js';
import type { CrmRepository } from './crm-ports.js';
import type {
  ChannelSharingRepository,
  CoachingChannelRepository,
  InstallationRepository,
  TeamDataRepository,
  TeamLifecycleRepository,
} from './install-ports.js';
import type { NudgeRepository } from './nudge-ports.js';

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
  /** Teams with a live deal linked to this channel id (the export CLI uses it when no team is given). */
  teamsForChannel(channelId: string): Promise<string[]>;
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

/** Whether a workspace turned the model second opinion on (`/vision listen ai`); no row = off. */
export interface ListenModelSetting {
  enabled: boolean;
  changedBy: string | null;
  changedAt: Date | null;
}

/** The model second opinion on deal-channel messages: the workspace switch and the daily call count. */
export interface ListenModelRepository {
  getSetting(teamId: string): Promise<ListenModelSetting>;
  setEnabled(teamId: string, enabled: boolean, userId: string, now: Date): Promise<void>;
  /** Counts one model call on `day` (YYYY-MM-DD, UTC) unless `cap` were counted already; true when counted. */
  takeCall(teamId: string, day: string, cap: number): Promise<boolean>;
  callsOn(teamId: string, day: string): Promise<number>;
}

export interface Repositories {
  workspaces: WorkspaceRepository;
  deals: DealRepository;
  stakeholders: StakeholderRepository;
  entries: EntryRepository;
  decisions: DecisionRepository;
  idempotency: IdempotencyRepository;
  nudges: NudgeRepository;
  listening: ListeningRepository;
  listenModel: ListenModelRepository;
  meetings: MeetingRepository;
  drafts: DraftStore;
  crm: CrmRepository;
  installations: InstallationRepository;
  teamLifecycle: TeamLifecycleRepository;
  teamData: TeamDataRepository;
  channelSharing: ChannelSharingRepository;
  coachingChannels: CoachingChannelRepository;
  recapSubmissions: RecapSubmissionRepository;
}

export interface Storage {
  engine: 'sqlite' | 'postgres';
  repos: Repositories;
  /** Cheap round trip used by /healthz. */
  ping(): Promise<boolean>;
  /** Names of the migrations not applied yet (empty once the schema is up to date). */
  pendingMigrations(): Promise<string[]>;
  close(): Promise<void>;
}

/** Repository port for draft versions. */
export interface DraftVersionRepository {
  /** Throws DraftVersionConflictError when the deal already has this version number. */
  create(draft: NewDraftVersion): Promise<DraftVersion>;
  latest(teamId: string, dealId: number): Promise<DraftVersion | null>;
  list(teamId: string, dealId: number): Promise<DraftVersion[]>;
  setStatus(
    teamId: string,
    draftId: number,
    status: DraftStatus,
    change?: Omit<DraftStatusChange, 'status'>,
  ): Promise<DraftVersion | null>;
}

/** The full storage port: what the Slack flow needs besides drafting. */
export interface DraftStore extends DraftVersionRepository {
  getById(teamId: string, draftId: number): Promise<DraftVersion | null>;
  /** Records where the version was posted; null when the draft is not the team's. */
  setMessage(teamId: string, draftId: number, ref: DraftMessageRef): Promise<DraftVersion | null>;
}

/** Recap modals as submitted (the rep's raw text), scoped by team. */
export interface RecapSubmissionRepository {
  /** Stores the submission; null when this view was stored already (a double submit). */
  saveOnce(submission: NewRecapSubmission, now: Date): Promise<RecapSubmission | null>;
  get(teamId: string, id: number): Promise<RecapSubmission | null>;
  /** Records the outcome of a run (failure = what failed, for the rep); a posted one drops its payload. */
  finish(
    teamId: string,
    id: number,
    outcome: { status: 'posted' | 'failed'; failure: string | null },
    now: Date,
  ): Promise<void>;
  /** The meeting a run stored, so a retry updates it. */
  setMeeting(teamId: string, id: number, meetingId: number, now: Date): Promise<void>;
  /**
   * Back to pending for a retry, if not posted and unchanged since it was read (`seenUpdatedAt`): true for exactly
   * one caller. Not only `failed`: when the database was down, marking the run failed may itself have failed.
   */
  claimRetry(teamId: string, id: number, seenUpdatedAt: Date, now: Date): Promise<boolean>;
  /**
   * A user's recaps that did not finish, newest first: failed, or pending since before `stalledBefore` (the run
   * ended without marking the outcome, as when the database was down).
   */
  listUnfinishedByUser(
    teamId: string,
    userId: string,
    stalledBefore: Date,
    limit: number,
  ): Promise<RecapSubmission[]>;
}

/** Storage port for meetings and their recap proposals; every method is scoped by team. */
export interface MeetingRepository {
  create(meeting: NewMeeting): Promise<Meeting>;
  getById(teamId: string, meetingId: number): Promise<Meeting | null>;
  update(teamId: string, meetingId: number, patch: MeetingUpdate): Promise<Meeting | null>;
  /** Scheduled meetings that ended at or before `now` (and after `notBefore`) with no prompt claimed yet. */
  listDuePrompts(teamId: string, now: Date, notBefore: Date): Promise<Meeting[]>;
  /** Teams that have meetings due for a prompt (the job's only cross-team read; ids only). */
  listTeamsWithDuePrompts(now: Date, notBefore: Date): Promise<string[]>;
  /** Claims the recap prompt of a meeting: true exactly once (prompt_posted_at was empty). */
  claimPrompt(teamId: string, meetingId: number, now: Date): Promise<boolean>;
  /** Undoes a claim whose post failed, so the next run tries again. */
  releasePrompt(teamId: string, meetingId: number): Promise<void>;
  addProposals(teamId: string, meetingId: number, proposals: NewRecapProposal[]): Promise<RecapProposal[]>;
  getProposal(teamId: string, proposalId: number): Promise<RecapProposal | null>;
  listProposals(teamId: string, meetingId: number): Promise<RecapProposal[]>;
  setProposalMessage(teamId: string, proposalIds: number[], messageTs: string): Promise<void>;
  /**
   * Moves a proposal from `proposed` to `confirmed` or `discarded`: true for exactly one caller (a double click or
   * a retry gets false).
   */
  resolveProposal(
    teamId: string,
    proposalId: number,
    status: 'confirmed' | 'discarded',
    userId: string,
    now: Date,
  ): Promise<boolean>;
  /** Records what a confirmed proposal created. */
  setProposalResult(
    teamId: string,
    proposalId: number,
    result: { entryId?: number; decisionId?: number },
  ): Promise<void>;
  /** Back to `proposed` after a failed write, so it can be confirmed again. */
  reopenProposal(teamId: string, proposalId: number): Promise<void>;
}
