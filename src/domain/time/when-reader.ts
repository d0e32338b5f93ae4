import { WEEKDAY_PATTERN } from '../recap/calendar.js';
import type { LocalDate, LocalDateTime } from './zoned-time.js';

/** How a user writes numeric dates: 12/3 is December 3 (month-first, en-US) or 12 March (day-first). */
export type DateOrder = 'month-first' | 'day-first';

/** A date/time expression found in free text, as wall-clock fields in the user's zone. */
export interface WhenReading {
  /** Where the expression starts in the text that was read, and what it covers. */
  index: number;
  text: string;
  date: LocalDate;
  hour: number;
  minute: number;
  /** True when the text names a time of day ("3pm", "noon", "15:00"), not only a day. */
  hasTime: boolean;
}

/**
 * Finds date/time expressions in `text`, relative to the user's wall clock `now`, preferring the future
 * ("monday" is the next Monday, "9am" the next 9am). Implemented with chrono-node in src/nlp/ and passed in,
 * so the domain holds no parsing library.
 */
export type WhenReader = (text: string, now: LocalDateTime, order: DateOrder) => WhenReading[];

/** Locales used when the user's Slack locale is missing or unknown: US month/day order. */
export const DEFAULT_LOCALE = 'en-US';

/**
 * The numeric date order of a locale (Slack's `locale`, e.g. "en-GB", "de-DE"), from Intl: month-first when the
 * locale prints the month before the day. Unknown or missing locales read as en-US (month-first).
 */
export function dateOrderFor(locale: string | undefined | null): DateOrder {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat(locale ?? DEFAULT_LOCALE, {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    }).formatToParts(new Date(Date.UTC(2026, 11, 3)));
  } catch {
    return 'month-first';
  }
  const month = parts.findIndex((part) => part.type === 'month');
  const day = parts.findIndex((part) => part.type === 'day');
  return day >= 0 && month >= 0 && day < month ? 'day-first' : 'month-first';
}

const DOTTED_TIME_AT_END = /(^|\s)([01]?\d|2[0-3])\.([0-5]\d)(\s+(?:today|tomorrow|tmrw))?\s*$/i;
const NEXT_WEEK_WEEKDAY = new RegExp(`\\bnext\\s+week\\s+(?:on\\s+)?(${WEEKDAY_PATTERN})\\b`, 'i');
const WEEKDAY_NEXT_WEEK = new RegExp(`\\b(${WEEKDAY_PATTERN})\\s+(?:of\\s+)?next\\s+week\\b`, 'i');

/**
 * Rewrites what people type into what the date reader knows: "15.00" at the end is 15:00 (a European time,
 * not a decimal), "next week Tuesday" and "Tuesday next week" are "next Tuesday".
 */
export function normaliseWhenText(text: string): string {
  return text
    .replace(
      DOTTED_TIME_AT_END,
      (_all, lead: string, hour: string, minute: string, day: string | undefined) => {
        return `${lead}${hour}:${minute}${day ?? ''}`;
      },
    )
    .replace(NEXT_WEEK_WEEKDAY, 'next $1')
    .replace(WEEKDAY_NEXT_WEEK, 'next $1');
}
