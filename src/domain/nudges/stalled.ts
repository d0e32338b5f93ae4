import type { Deal } from '../deals.js';
import { isClosedStage } from '../deals.js';
import type { Decision } from '../decisions.js';
import { calendarDaysBetween, localDateTime, MS_PER_DAY, parseLocalDate } from '../time/zoned-time.js';
import type { WorkspaceSettings } from '../workspaces.js';

export type StallReason = 'overdue' | 'idle';

export interface StallStatus {
  stalled: boolean;
  /** 'overdue' wins when a decision is both overdue and idle. */
  reason: StallReason | null;
  /** Calendar days past the due date in the workspace time zone; 0 when not overdue. */
  daysOverdue: number;
  /** Whole 24 h periods since the last activity; 0 when activity lies in the future. */
  daysIdle: number;
  /** Open but snoozed until after `now`. */
  snoozed: boolean;
}

export interface StallOptions {
  now: Date;
  /** Days without activity before an open decision counts as stalled (see effectiveStallDays). */
  stallDays: number;
  /** Workspace IANA time zone: the due date is a day in this zone. */
  timeZone: string;
  /** Latest reply in the decision's thread, when the caller knows it and it is not yet in lastActivityAt. */
  lastReplyAt?: Date | null;
}

export type StallInput = Pick<Decision, 'status' | 'dueDate' | 'snoozedUntil' | 'lastActivityAt'>;

/** Activity = any change to the decision or a reply in its thread, whichever is latest. */
export function lastActivity(decision: Pick<Decision, 'lastActivityAt'>, lastReplyAt?: Date | null): Date {
  if (lastReplyAt && lastReplyAt.getTime() > decision.lastActivityAt.getTime()) return lastReplyAt;
  return decision.lastActivityAt;
}

export function daysOverdue(dueDate: string | null, now: Date, timeZone: string): number {
  if (!dueDate) return 0;
  const due = parseLocalDate(dueDate);
  if (!due) return 0;
  return Math.max(0, calendarDaysBetween(due, localDateTime(now, timeZone)));
}

export function stallStatus(decision: StallInput, options: StallOptions): StallStatus {
  const { now, stallDays, timeZone } = options;
  const idleMs = now.getTime() - lastActivity(decision, options.lastReplyAt).getTime();
  const daysIdle = Math.max(0, Math.floor(idleMs / MS_PER_DAY));
  const overdueDays = daysOverdue(decision.dueDate, now, timeZone);
  const snoozed = decision.snoozedUntil !== null && decision.snoozedUntil.getTime() > now.getTime();
  const base = { daysOverdue: overdueDays, daysIdle, snoozed };
  if (decision.status !== 'open' || snoozed) return { ...base, stalled: false, reason: null };
  if (overdueDays > 0) return { ...base, stalled: true, reason: 'overdue' };
  if (idleMs >= stallDays * MS_PER_DAY) return { ...base, stalled: true, reason: 'idle' };
  return { ...base, stalled: false, reason: null };
}

/** Deal override when set to a positive whole number, else the workspace default (7 unless changed). */
export function effectiveStallDays(
  deal: Pick<Deal, 'stallDays'>,
  settings: Pick<WorkspaceSettings, 'stallDays'>,
): number {
  if (isPositiveWholeNumber(deal.stallDays)) return deal.stallDays;
  if (isPositiveWholeNumber(settings.stallDays)) return settings.stallDays;
  return 7;
}

function isPositiveWholeNumber(value: number | null): value is number {
  return value !== null && Number.isInteger(value) && value > 0;
}

export type DealSkipReason = 'archived' | 'closed' | 'muted';

/** Why a deal gets no nudges, or null when it may be nudged. */
export function dealSkipReason(
  deal: Pick<Deal, 'archived' | 'stage' | 'nudgesMuted'>,
): DealSkipReason | null {
  if (deal.archived) return 'archived';
  if (isClosedStage(deal.stage)) return 'closed';
  if (deal.nudgesMuted) return 'muted';
  return null;
}

export function nudgeableDeal(deal: Pick<Deal, 'archived' | 'stage' | 'nudgesMuted'>): boolean {
  return dealSkipReason(deal) === null;
}
