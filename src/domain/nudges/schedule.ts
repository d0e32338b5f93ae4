import { z } from 'zod';
import {
  addCalendarDays,
  isValidTimeZone,
  type LocalDate,
  localDateTime,
  MS_PER_DAY,
  zonedTimeToInstant,
} from '../time/zoned-time.js';
import type { WorkspaceSettings } from '../workspaces.js';

export interface NudgeSchedule {
  /** 0 = Sunday ... 6 = Saturday */
  day: number;
  /** HH:MM, 24 h, wall clock in `timeZone` */
  time: string;
  /** IANA time zone */
  timeZone: string;
}

/** Validates schedule input from a settings modal or stored settings. */
export const nudgeScheduleSchema = z.object({
  day: z.number().int().min(0).max(6),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24 h)'),
  timeZone: z.string().refine(isValidTimeZone, 'unknown IANA time zone'),
});

export function scheduleOf(
  settings: Pick<WorkspaceSettings, 'nudgeDay' | 'nudgeTime' | 'timeZone'>,
): NudgeSchedule {
  return { day: settings.nudgeDay, time: settings.nudgeTime, timeZone: settings.timeZone };
}

function parseTime(time: string): { hour: number; minute: number } {
  const parsed = nudgeScheduleSchema.shape.time.safeParse(time);
  if (!parsed.success) throw new Error(`Invalid nudge time "${time}": expected HH:MM`);
  const [hour, minute] = time.split(':').map(Number);
  return { hour: hour ?? 0, minute: minute ?? 0 };
}

function slotOn(date: LocalDate, schedule: NudgeSchedule): Date {
  const { hour, minute } = parseTime(schedule.time);
  return zonedTimeToInstant(date, hour, minute, schedule.timeZone);
}

/** Weekly slots whose local day is within `fromDay..toDay` days of `around`'s local day, oldest first. */
function slotsAround(schedule: NudgeSchedule, around: Date, fromDay: number, toDay: number): Date[] {
  if (!Number.isInteger(schedule.day) || schedule.day < 0 || schedule.day > 6) {
    throw new Error(`Invalid nudge day ${schedule.day}: expected 0 (Sunday) to 6 (Saturday)`);
  }
  const today = localDateTime(around, schedule.timeZone);
  const slots: Date[] = [];
  for (let offset = fromDay; offset <= toDay; offset++) {
    const date = addCalendarDays(today, offset);
    const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
    if (weekday === schedule.day) slots.push(slotOn(date, schedule));
  }
  return slots;
}

/** The first scheduled instant strictly after `after`. */
export function nextRunAt(schedule: NudgeSchedule, after: Date): Date {
  const next = slotsAround(schedule, after, 0, 8).find((slot) => slot.getTime() > after.getTime());
  if (!next) throw new Error('No weekly slot found; schedule is invalid');
  return next;
}

/** The latest scheduled instant at or before `now`. */
export function previousRunAt(schedule: NudgeSchedule, now: Date): Date {
  const previous = slotsAround(schedule, now, -8, 0)
    .filter((slot) => slot.getTime() <= now.getTime())
    .pop();
  if (!previous) throw new Error('No weekly slot found; schedule is invalid');
  return previous;
}

/** ISO 8601 week of the local day of `instant` in `timeZone`, e.g. '2026-W49'. */
export function weekKey(instant: Date, timeZone: string): string {
  const local = localDateTime(instant, timeZone);
  const isoWeekday = local.weekday === 0 ? 7 : local.weekday;
  const thursday = addCalendarDays(local, 4 - isoWeekday);
  const yearStart = Date.UTC(thursday.year, 0, 1);
  const week =
    1 +
    Math.floor((Date.UTC(thursday.year, thursday.month - 1, thursday.day) - yearStart) / (7 * MS_PER_DAY));
  return `${thursday.year}-W${String(week).padStart(2, '0')}`;
}

/** Idempotency key of one weekly run of one workspace, e.g. 'T123:2026-W49'. */
export function runKey(teamId: string, scheduledFor: Date, timeZone: string): string {
  return `${teamId}:${weekKey(scheduledFor, timeZone)}`;
}

/** The week part of a run key ('T123:2026-W49' -> '2026-W49'); a bare week key is returned as is. */
export function weekOfRunKey(key: string): string {
  return key.slice(key.lastIndexOf(':') + 1);
}

export interface DueRun {
  scheduledFor: Date;
  weekKey: string;
  runKey: string;
}

type RunSettings = Pick<WorkspaceSettings, 'nudgesEnabled' | 'nudgeDay' | 'nudgeTime' | 'timeZone'>;

/**
 * The run that should happen now, or null: nudges enabled, this week's slot has passed and no run was recorded
 * for that week. A run missed while the app was down is still due later the same week, never twice.
 * (Moving the nudge day within a week that already had its run waits until next week.)
 */
export function dueRun(
  teamId: string,
  settings: RunSettings,
  lastRunKey: string | null,
  now: Date,
): DueRun | null {
  if (!settings.nudgesEnabled) return null;
  const schedule = scheduleOf(settings);
  const scheduledFor = previousRunAt(schedule, now);
  const week = weekKey(scheduledFor, schedule.timeZone);
  if (lastRunKey !== null && weekOfRunKey(lastRunKey) === week) return null;
  return { scheduledFor, weekKey: week, runKey: `${teamId}:${week}` };
}

export function isDue(settings: RunSettings, lastRunKey: string | null, now: Date): boolean {
  return dueRun('', settings, lastRunKey, now) !== null;
}
