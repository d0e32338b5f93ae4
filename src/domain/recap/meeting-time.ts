import { isValidTimeZone, localDateTime, zonedTimeToInstant } from '../time/zoned-time.js';
import {
  addDays,
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
import { RECAP_LIMITS } from './limits.js';

export interface MeetingTimeOptions {
  now: Date;
  /** The user's Slack time zone (IANA), e.g. Europe/Berlin. */
  timeZone: string;
  defaultDurationMinutes?: number;
}

export type MeetingTimeResult =
  | { ok: true; title: string; startsAt: Date; endsAt: Date; durationMinutes: number }
  | { ok: false; error: string };

export const DEFAULT_MEETING_MINUTES = 45;

export function meetingTimeHelp(timeZone: string): string {
  return [
    'Usage: `/vision meeting <title> <when>`, e.g. `/vision meeting Discovery with Acme tomorrow 15:00`.',
    '<when> can be `today 9am`, `tomorrow 15:00`, `monday 14:00`, `Dec 3 10:30`, `3 Dec 10:30`,',
    '`2026-12-03 10:30`, `15:00` (next time it is 15:00) or `in 2 hours`.',
    `Add \`for 30m\` or \`for 1h\` to change the ${DEFAULT_MEETING_MINUTES} min default.`,
    `Times are read in your Slack time zone (${timeZone}).`,
  ].join(' ');
}

const DURATION =
  /\s+for\s+(?:(\d+)\s*h(?:ours?|rs?)?\s*(\d+)\s*m(?:in(?:ute)?s?)?|(\d+(?:\.\d+)?)\s*(h|hrs?|hours?|m|mins?|minutes?))\s*$/i;
const RELATIVE = /(?:^|\s)in\s+(\d+(?:\.\d+)?)\s*(h|hrs?|hours?|m|mins?|minutes?)\s*$/i;
const DATE_PART = `(today|tomorrow|tmrw|(?:next\\s+)?(?:${WEEKDAY_PATTERN})|\\d{4}-\\d{2}-\\d{2}|(?:${MONTH_PATTERN})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTH_PATTERN})\\.?(?:,?\\s+\\d{4})?)`;
const WHEN = new RegExp(
  `(?:^|\\s)(?:${DATE_PART}\\s+)?(?:at\\s+)?(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?\\s*$`,
  'i',
);

const NAMED_DATE = new RegExp(
  `^(?:(${MONTH_PATTERN})\\.? (\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th)? (${MONTH_PATTERN})\\.?)(?:,? (\\d{4}))?$`,
);

function toMinutes(amount: string, unit: string): number {
  return Math.round(Number(amount) * (unit.toLowerCase().startsWith('h') ? 60 : 1));
}

function clockTime(hourText: string, minuteText: string | undefined, meridiem: string | undefined) {
  if (minuteText === undefined && meridiem === undefined) return null;
  let hour = Number(hourText);
  const minute = Number(minuteText ?? '0');
  if (minute > 59) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toLowerCase().startsWith('p') ? 12 : 0);
  } else if (hour > 23) return null;
  return { hour, minute };
}

type DateResolution = { date: CalendarDate; rollOver: 'day' | 'week' | null } | null;

/** The calendar date named by the date part; rollOver says how to move on if the time has passed that day. */
function resolveDate(part: string | undefined, today: CalendarDate): DateResolution {
  if (part === undefined) return { date: today, rollOver: 'day' };
  const text = part.toLowerCase().replace(/\s+/g, ' ');
  if (text === 'today') return { date: today, rollOver: null };
  if (text === 'tomorrow' || text === 'tmrw') return { date: addDays(today, 1), rollOver: null };
  const weekday = /^(next )?(\w+)$/.exec(text);
  if (weekday && WEEKDAYS[weekday[2]!] !== undefined) {
    const isNext = weekday[1] !== undefined;
    return { date: nextWeekday(today, WEEKDAYS[weekday[2]!]!, !isNext), rollOver: isNext ? null : 'week' };
  }
  const iso = parseYmd(text);
  if (iso) return { date: iso, rollOver: null };
  const named = NAMED_DATE.exec(text);
  if (!named) return null;
  const month = MONTHS[(named[1] ?? named[4])!]!;
  const day = Number(named[2] ?? named[3]);
  if (named[5] !== undefined) {
    const year = Number(named[5]);
    return isValidDate(year, month, day) ? { date: { year, month, day }, rollOver: null } : null;
  }
  const next = nextMonthDay(today, month, day);
  return next ? { date: next, rollOver: null } : null;
}

/**
 * Parses the text after `/vision meeting`: a title followed by a time expression at the end, optionally
 * followed by `for <duration>`. Wall-clock times are read in `timeZone`, relative to `now`. A time without a
 * date is the next time the clock shows it; a weekday is this week's (or next week's once it has passed).
 */
export function parseMeetingCommand(text: string, options: MeetingTimeOptions): MeetingTimeResult {
  const { now, timeZone } = options;
  if (!isValidTimeZone(timeZone)) return { ok: false, error: `Unknown time zone "${timeZone}".` };
  const help = meetingTimeHelp(timeZone);
  let rest = text.replace(/\s+/g, ' ').trim();

  let durationMinutes = options.defaultDurationMinutes ?? DEFAULT_MEETING_MINUTES;
  const duration = DURATION.exec(rest);
  if (duration) {
    durationMinutes = duration[1]
      ? Number(duration[1]) * 60 + Number(duration[2])
      : toMinutes(duration[3]!, duration[4]!);
    rest = rest.slice(0, duration.index);
  }
  if (durationMinutes < 5 || durationMinutes > RECAP_LIMITS.maxMeetingMinutes) {
    return { ok: false, error: `A meeting lasts 5 to ${RECAP_LIMITS.maxMeetingMinutes} minutes. ${help}` };
  }

  let startsAt: Date;
  let titleText: string;
  const relative = RELATIVE.exec(rest);
  const when = relative ? null : WHEN.exec(rest);
  if (relative) {
    startsAt = new Date(now.getTime() + toMinutes(relative[1]!, relative[2]!) * 60_000);
    titleText = rest.slice(0, relative.index);
  } else if (when) {
    const clock = clockTime(when[2]!, when[3], when[4]);
    const local = localDateTime(now, timeZone);
    const resolved = resolveDate(when[1], { year: local.year, month: local.month, day: local.day });
    if (!clock || !resolved) return { ok: false, error: `I could not read that date or time. ${help}` };
    let date = resolved.date;
    startsAt = zonedTimeToInstant(date, clock.hour, clock.minute, timeZone);
    if (startsAt < now && resolved.rollOver) {
      date = addDays(date, resolved.rollOver === 'day' ? 1 : 7);
      startsAt = zonedTimeToInstant(date, clock.hour, clock.minute, timeZone);
    }
    if (startsAt < now) {
      return { ok: false, error: `"${when[0].trim()}" (${formatYmd(date)}) has already passed. ${help}` };
    }
    titleText = rest.slice(0, when.index);
  } else {
    return { ok: false, error: `I could not find when the meeting starts. ${help}` };
  }

  const title = titleText
    .trim()
    .replace(/^["“']+|["”']+$/g, '')
    .trim();
  if (title === '') return { ok: false, error: `Please give the meeting a title. ${help}` };
  if (title.length > RECAP_LIMITS.maxMeetingTitleChars) {
    return { ok: false, error: `Titles can have at most ${RECAP_LIMITS.maxMeetingTitleChars} characters.` };
  }
  return {
    ok: true,
    title,
    startsAt,
    endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000),
    durationMinutes,
  };
}
