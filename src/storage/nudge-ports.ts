import type { Deal } from '../domain/deals.js';
import type { Decision } from '../domain/decisions.js';

/** The weekly nudge run's repository ports, beside ports.ts (same layer): every method takes the team id first. */

export type NudgeRunStatus = 'running' | 'done' | 'incomplete';

/** One weekly run of one workspace; a crashed or incomplete run is resumed under the same key. */
export interface NudgeRunRecord {
  teamId: string;
  runKey: string;
  scheduledFor: Date;
  startedAt: Date;
  finishedAt: Date | null;
  status: NudgeRunStatus;
  attempts: number;
  sentCount: number;
  failedCount: number;
  lastError: string | null;
}

export type NudgeSendKind = 'channel' | 'digest';
/** 'sending' = claimed before the post; 'sent' = posted (ts known); 'failed' = Slack refused it for good. */
export type NudgeSendStatus = 'sending' | 'sent' | 'failed';

/** One nudge message: claimed (unique send key) before it is posted, marked sent with its ts after. */
export interface NudgeSendRecord {
  teamId: string;
  sendKey: string;
  runKey: string;
  kind: NudgeSendKind;
  decisionIds: number[];
  dealId: number | null;
  userId: string | null;
  channelId: string;
  messageTs: string | null;
  status: NudgeSendStatus;
  error: string | null;
  claimedAt: Date;
  sentAt: Date | null;
}

export type NewNudgeSend = Pick<
  NudgeSendRecord,
  'teamId' | 'sendKey' | 'runKey' | 'kind' | 'decisionIds' | 'dealId' | 'userId' | 'channelId' | 'claimedAt'
>;

export interface StalledSweepQuery {
  now: Date;
  /** Workspace default stall days; deal overrides are honoured. */
  stallDays: number;
  /** Today's date (YYYY-MM-DD) in the workspace time zone: due dates before it are overdue. */
  today: string;
  /** On-demand listing (/vision stalled) shows muted deals too; the weekly run never does. */
  includeMuted?: boolean;
  /** Restrict to one deal. */
  dealId?: number;
}

/** Candidates are a superset of stalled decisions (exact per-deal stall days are applied in the domain). */
export interface StalledSweepResult {
  deals: Deal[];
  decisions: Decision[];
}

export type RunLockResult<T> = { acquired: true; value: T } | { acquired: false };

export interface NudgeRepository {
  /** Teams with at least one deal (a workspace row may not exist yet). */
  teamIds(): Promise<string[]>;
  /** Open decisions of active deals that are overdue or idle (and not snoozed), with their deals. */
  sweepStalled(teamId: string, query: StalledSweepQuery): Promise<StalledSweepResult>;
  /**
   * Runs `fn` while holding the team's run lock: a PostgreSQL advisory lock on a dedicated connection (so
   * one instance sweeps a team at a time), an in-process lock on SQLite. Does not wait: `acquired: false`.
   */
  withRunLock<T>(teamId: string, fn: () => Promise<T>): Promise<RunLockResult<T>>;
  /** Creates the run or counts one more attempt of it (status back to 'running'). */
  startRun(teamId: string, runKey: string, scheduledFor: Date, at: Date): Promise<NudgeRunRecord>;
  finishRun(
    teamId: string,
    runKey: string,
    result: { status: 'done' | 'incomplete'; sentCount: number; failedCount: number; error?: string | null },
    at: Date,
  ): Promise<void>;
  getRun(teamId: string, runKey: string): Promise<NudgeRunRecord | null>;
  /** Key of the latest finished ('done') run: what `dueRun` compares with. */
  lastRunKey(teamId: string): Promise<string | null>;
  /** Inserts the send row as 'sending'; false when the key exists (another attempt or instance has it). */
  claimSend(claim: NewNudgeSend): Promise<boolean>;
  markSent(teamId: string, sendKey: string, messageTs: string, at: Date): Promise<void>;
  markFailed(teamId: string, sendKey: string, error: string, at: Date): Promise<void>;
  /** Drops a claim that was never posted so the message is sent on the next attempt. Sent rows stay. */
  releaseSend(teamId: string, sendKey: string): Promise<void>;
  listSends(teamId: string, runKey: string): Promise<NudgeSendRecord[]>;
  /** The nudge message posted at (channel, ts), if the app sent one: used to check button payloads. */
  findByMessage(teamId: string, channelId: string, messageTs: string): Promise<NudgeSendRecord | null>;
  /** A reply in a decision's thread is activity: moves last_activity_at forward; returns rows touched. */
  touchByThread(teamId: string, channelId: string, threadTs: string, at: Date): Promise<number>;
}
