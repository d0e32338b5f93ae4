import { isSpace, trimEndWhere, trimStartWhere } from '../text/trim-end.js';
import { trailingClause } from './attribution-parse.js';
import {
  type CalendarDate,
  formatYmd,
  isValidDate,
  MONTH_PATTERN,
  MONTHS,
  nextMonthDay,
  nextWeekday,
  parseYmd,
  WEEKDAY_PATTERN,
  WEEKDAYS,
} from './calendar.js';
import { type DueDateOptions, readDueDate } from './due-reader.js';
import { isNameLike } from './speaker-label.js';
import type { ProposedDecision } from './types.js';

const DUE_DATE = new RegExp(
  `\\bby\\s+(?:(\\d{4}-\\d{2}-\\d{2})|(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?|(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_PATTERN})\\.?(?:,?\\s+(\\d{4}))?|(?:next\\s+)?(${WEEKDAY_PATTERN}))\\b`,
  'i',
);

function monthDay(
  from: CalendarDate,
  monthName: string,
  day: string,
  year: string | undefined,
): string | null {
  const month = MONTHS[monthName.toLowerCase()]!;
  if (year !== undefined) {
    return isValidDate(Number(year), month, Number(day))
      ? formatYmd({ year: Number(year), month, day: Number(day) })
      : null;
  }
  const next = nextMonthDay(from, month, Number(day));
  return next ? formatYmd(next) : null;
}

/**
 * A due date stated as "by 2026-12-15", "by Dec 15", "by 15 December 2026", "by Friday" or "by Q1", relative to the
 * meeting date: a month/day without a year is the next one on or after the meeting; a weekday is the next one
 * after the meeting day (a Friday meeting's "by Friday" is a week later). Numeric "12/15" is not read (US and
 * European orders clash); the user fills it in.
 */
const QUARTER = /\bby\s+(?:the\s+end\s+of\s+)?q([1-4])(?:\s+(\d{4}))?\b/i;
const QUARTER_END: Readonly<Record<number, [number, number]>> = {
  1: [3, 31],
  2: [6, 30],
  3: [9, 30],
  4: [12, 31],
};

/** "by Q1", "by the end of Q3 2027": the last day of that quarter, the next one on or after the meeting. */
function quarterDue(text: string, from: CalendarDate): { dueDate: string; rest: string } | null {
  const match = QUARTER.exec(text);
  if (!match) return null;
  const [month, day] = QUARTER_END[Number(match[1])]!;
  let year = match[2] !== undefined ? Number(match[2]) : from.year;
  if (match[2] === undefined && (month < from.month || (month === from.month && day < from.day))) year++;
  let start = match.index;
  while (start > 0 && /[\s,]/.test(text[start - 1]!)) start--;
  const rest = `${text.slice(0, start)} ${text.slice(match.index + match[0].length)}`;
  return { dueDate: formatYmd({ year, month, day }), rest };
}

/**
 * The due date in a decision's text: "by Q1" first (no date library reads quarters), then, with a date reader
 * (chrono-node, passed in), any date that reads as a deadline ("by Friday", "next Tuesday", "12/3" in the rep's
 * order, "end of month", "EOW"); without a reader, or when it finds none, the fixed patterns below.
 */
export function findDueDate(
  text: string,
  meetingDate: string,
  due?: DueDateOptions,
): { dueDate: string; rest: string } | null {
  const from = parseYmd(meetingDate);
  const quarter = from ? quarterDue(text, from) : null;
  if (quarter) return quarter;
  const read = from && due ? readDueDate(text, from, due) : null;
  if (read) return read;
  const match = DUE_DATE.exec(text);
  if (!from || !match) return null;
  const [, iso, monthA, dayA, yearA, dayB, monthB, yearB, weekday] = match;
  let dueDate: string | null = null;
  if (iso) dueDate = parseYmd(iso) ? iso : null;
  else if (monthA) dueDate = monthDay(from, monthA, dayA!, yearA);
  else if (monthB) dueDate = monthDay(from, monthB, dayB!, yearB);
  else if (weekday) dueDate = formatYmd(nextWeekday(from, WEEKDAYS[weekday.toLowerCase()]!, false));
  if (!dueDate) return null;
  // The separators before "by" (", by Friday") go with it; scanned here, not by the pattern (linear time).
  let start = match.index;
  while (start > 0 && /[\s,]/.test(text[start - 1]!)) start--;
  return { dueDate, rest: `${text.slice(0, start)} ${text.slice(match.index + match[0].length)}` };
}

/** Separators trimmed off a title: these at its start, and the same but the full stop at its end. */
const SEPARATORS_AT_START = ',;:.–—-';
const SEPARATORS_AT_END = ',;:–—-';

function trimSeparators(text: string): string {
  const started = trimStartWhere(text, (c) => isSpace(c) || SEPARATORS_AT_START.includes(c));
  return trimEndWhere(started, (c) => isSpace(c) || SEPARATORS_AT_END.includes(c));
}

const OWNER_LABEL = /\bowner\s*:/i;
const BEFORE_OWNER = ' \t,;(–—-';

/** "owner: X" up to the next comma or semicolon (X without brackets), scanned by hand to stay linear. */
function explicitOwner(text: string): { name: string; start: number; end: number } | null {
  const label = OWNER_LABEL.exec(text);
  if (!label) return null;
  let end = label.index + label[0].length;
  while (end < text.length && text[end] !== ',' && text[end] !== ';') end++;
  let name = text.slice(label.index + label[0].length, end).trim();
  if (name.endsWith(')')) name = name.slice(0, -1).trim();
  if (!name || name.includes('(') || name.includes(')')) return null;
  let start = label.index;
  while (start > 0 && BEFORE_OWNER.includes(text[start - 1] ?? '')) start--;
  return { name, start, end };
}

/** The owner: "owner: X" anywhere, else a trailing "(X)" or "- X" when X is name-like. */
export function findOwner(text: string): { ownerName: string; rest: string } | null {
  const explicit = explicitOwner(text);
  if (explicit && isNameLike(explicit.name)) {
    return { ownerName: explicit.name, rest: text.slice(0, explicit.start) + text.slice(explicit.end) };
  }
  const trailing = trailingClause(text);
  const name = trailing ? (trailing.inParentheses ?? trailing.afterDash)!.trim() : null;
  if (trailing && name && isNameLike(name)) return { ownerName: name, rest: text.slice(0, trailing.index) };
  return null;
}

/** "pick a pilot region by Dec 15 (Dana)" -> { title: 'pick a pilot region', ownerName: 'Dana', dueDate }. */
export function parseDecisionText(
  text: string,
  meetingDate: string,
  dueOptions?: DueDateOptions,
): ProposedDecision {
  const owner = findOwner(text.trim());
  const afterOwner = owner ? owner.rest : text;
  const due = findDueDate(afterOwner, meetingDate, dueOptions);
  const title = trimSeparators((due ? due.rest : afterOwner).replace(/\s+/g, ' ')).trim();
  return { title, ownerName: owner?.ownerName ?? null, dueDate: due?.dueDate ?? null };
}
