import type { WorkspaceSettings } from '../workspaces.js';
import { type DueRun, nextRunAt, previousRunAt, scheduleOf, weekKey, weekOfRunKey } from './schedule.js';

/**
 * Each recipient gets the weekly run at the workspace's slot (Monday 09:00 by default) on their own wall clock.
 * The same local Monday falls in the same ISO week everywhere, so a team's run for week W opens when the slot
 * passes in the earliest civil zone (UTC+14) and closes when it has passed in the latest one (UTC-12).
 */
export const EARLIEST_ZONE = 'Etc/GMT-14';
export const LATEST_ZONE = 'Etc/GMT+12';

type RunSettings = Pick<WorkspaceSettings, 'nudgesEnabled' | 'nudgeDay' | 'nudgeTime' | 'timeZone'>;

export interface TeamWeekRun extends DueRun {
  /** When the slot has passed in every zone: after it, nobody is still waiting for this week's run. */
  closesAt: Date;
}

/**
 * The team's run whose window is open at `now` (or was missed while the app was down and not finished), or
 * null: nudges off, or this week's run already finished. `scheduledFor` is when the window opened.
 */
export function dueTeamRun(
  teamId: string,
  settings: RunSettings,
  lastRunKey: string | null,
  now: Date,
): TeamWeekRun | null {
  if (!settings.nudgesEnabled) return null;
  const schedule = scheduleOf(settings);
  const opensAt = previousRunAt({ ...schedule, timeZone: EARLIEST_ZONE }, now);
  const week = weekKey(opensAt, EARLIEST_ZONE);
  if (lastRunKey !== null && weekOfRunKey(lastRunKey) === week) return null;
  const closesAt = nextRunAt({ ...schedule, timeZone: LATEST_ZONE }, opensAt);
  return { scheduledFor: opensAt, weekKey: week, runKey: `${teamId}:${week}`, closesAt };
}

/**
 * When the recipient's own slot of `week` came, on their wall clock in `zone` (09:00 local across DST changes
 * too), or null while it is still ahead of `now`.
 */
export function recipientSlot(settings: RunSettings, zone: string, week: string, now: Date): Date | null {
  const slot = previousRunAt({ ...scheduleOf(settings), timeZone: zone }, now);
  return weekKey(slot, zone) === week ? slot : null;
}

/**
 * When the recipient in `zone` gets the weekly run: their slot of the open run when it has come and the run is
 * not finished (`dueNow`: the next tick sends it), else their next slot.
 */
export function recipientNextRun(
  settings: RunSettings,
  zone: string,
  lastRunKey: string | null,
  now: Date,
): { at: Date; dueNow: boolean } {
  const run = dueTeamRun('', settings, lastRunKey, now);
  const slot = run ? recipientSlot(settings, zone, run.weekKey, now) : null;
  if (slot) return { at: slot, dueNow: true };
  return { at: nextRunAt({ ...scheduleOf(settings), timeZone: zone }, now), dueNow: false };
}
