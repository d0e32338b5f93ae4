import type { CalendarDate } from './calendar.js';

/** Wall-clock <-> instant conversion for IANA time zones with Intl only (no dependency), DST-aware. */

export interface ZonedParts extends CalendarDate {
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at an instant. */
export function zonedParts(epochMs: number, timeZone: string): ZonedParts {
  const values: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values.year!,
    month: values.month!,
    day: values.day!,
    hour: values.hour! % 24,
    minute: values.minute!,
    second: values.second!,
  };
}

/** Local time minus UTC at an instant, in ms (e.g. +3 600 000 for CET). */
export function offsetMs(epochMs: number, timeZone: string): number {
  const p = zonedParts(epochMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant when the wall clock in `timeZone` shows this date and time. Like Temporal's "compatible"
 * disambiguation: a time that occurs twice (clocks go back) is the earlier one; a time skipped by a DST gap
 * (clocks go forward) is moved forward by the gap (02:30 -> 03:30).
 */
export function wallClockToUtc(date: CalendarDate, hour: number, minute: number, timeZone: string): Date {
  const guess = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const dayMs = 86_400_000;
  const offsetBefore = offsetMs(guess - dayMs, timeZone);
  const offsets = [offsetBefore, offsetMs(guess, timeZone), offsetMs(guess + dayMs, timeZone)];
  const matches = [...new Set(offsets)]
    .map((offset) => guess - offset)
    .filter((instant) => {
      const p = zonedParts(instant, timeZone);
      return (
        p.year === date.year &&
        p.month === date.month &&
        p.day === date.day &&
        p.hour === hour &&
        p.minute === minute
      );
    })
    .sort((a, b) => a - b);
  return new Date(matches[0] ?? guess - offsetBefore);
}
