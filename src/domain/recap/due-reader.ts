import type { DateOrder } from '../time/when-reader.js';
import {
  addDays,
  type CalendarDate,
  formatYmd,
  isValidDate,
  MONTH_PATTERN,
  nextWeekday,
} from './calendar.js';

/** A date found in free text by the date reader (chrono-node in src/nlp/), relative to the meeting day. */
export interface DueReading {
  /** Where the expression starts in the text, and what it covers ("next Tuesday", "12/3", "end of month"). */
  index: number;
  text: string;
  date: CalendarDate;
  /** The day is known: a date, "tomorrow", "in two weeks", a weekday. Not a month alone ("in January"). */
  dayKnown: boolean;
  /** Only a weekday was named ("Friday", "next Tuesday"). */
  weekdayOnly: boolean;
}

/** Reads dates in `text` relative to the meeting day `from`, preferring the future; numeric order per locale. */
export type DueDateReader = (text: string, from: CalendarDate, order: DateOrder) => DueReading[];

/** The reader and the rep's numeric date order (from their Slack locale): 12/3 is Dec 3 or 12 March. */
export interface DueDateOptions {
  read: DueDateReader;
  order: DateOrder;
}

/** Words before a date that make it a deadline: "by Friday", "due 12/3", "no later than next Tuesday". */
const DEADLINE_BEFORE =
  /(?:^|[\s(,;:])(by|before|until|till|due|on|latest|no later than|deadline)(?:\s+the)?\s*$/i;
const EXPLICIT_DATE = new RegExp(`\\d|\\b(?:${MONTH_PATTERN})\\b`, 'i');
/** Dates that read as a deadline on their own: "next Tuesday", "end of month", "tomorrow", "in two weeks". */
const DEADLINE_ITSELF = /^(?:next|this|end of|the end of|tomorrow|tmrw|in)\b/i;
const END_OF_WEEK =
  /\b(?:(?:by|before)\s+)?(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(next\s+)?week\b|\bEOW\b/i;
const END_OF_MONTH_SHORT = /\b(?:by\s+)?EOM\b/i;

const FRIDAY = 5;

function without(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && /[\s,]/.test(text[from - 1]!)) from--;
  return `${text.slice(0, from)} ${text.slice(end)}`;
}

/** "end of week" / "EOW" (Friday of the meeting's week; the next one from a weekend) and "EOM". */
function shorthandDue(text: string, from: CalendarDate): { dueDate: string; rest: string } | null {
  const week = END_OF_WEEK.exec(text);
  if (week) {
    const friday = nextWeekday(from, FRIDAY, true);
    const date = week[1] ? addDays(friday, 7) : friday;
    return { dueDate: formatYmd(date), rest: without(text, week.index, week.index + week[0].length) };
  }
  const month = END_OF_MONTH_SHORT.exec(text);
  if (month) {
    let day = 31;
    while (!isValidDate(from.year, from.month, day)) day--;
    const date = { year: from.year, month: from.month, day };
    return { dueDate: formatYmd(date), rest: without(text, month.index, month.index + month[0].length) };
  }
  return null;
}

/**
 * The first date in `text` that reads as a deadline, relative to the meeting day: the reader finds dates, and one
 * counts when a deadline word comes right before it ("by", "before", "due", "on" ...), or it is one by itself
 * ("next Tuesday", "end of month", "tomorrow", "in two weeks", "12/3", "Dec 15"). A month alone ("in January")
 * and counts of time ("two days a week") are not due dates. A weekday on the meeting's own weekday is a week later
 * ("by Friday" said on a Friday). The words of the date (and the "by" before it) are removed from `rest`.
 */
export function readDueDate(
  text: string,
  from: CalendarDate,
  options: DueDateOptions,
): { dueDate: string; rest: string } | null {
  const shorthand = shorthandDue(text, from);
  if (shorthand) return shorthand;
  for (const reading of options.read(text, from, options.order)) {
    if (!reading.dayKnown) continue;
    const sliceStart = Math.max(0, reading.index - 24);
    const before = DEADLINE_BEFORE.exec(text.slice(sliceStart, reading.index));
    const itself =
      DEADLINE_ITSELF.test(reading.text) || (!reading.weekdayOnly && EXPLICIT_DATE.test(reading.text));
    if (!before && !itself) continue;
    let date = reading.date;
    if (!isValidDate(date.year, date.month, date.day)) continue;
    if (reading.weekdayOnly && formatYmd(date) === formatYmd(from)) date = addDays(date, 7);
    if (formatYmd(date) < formatYmd(from)) continue;
    const start = before ? sliceStart + before.index + before[0].indexOf(before[1]!) : reading.index;
    return { dueDate: formatYmd(date), rest: without(text, start, reading.index + reading.text.length) };
  }
  return null;
}
