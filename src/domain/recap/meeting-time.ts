import { isSpace, trimEndOf, trimStartOf } from '../text/trim-end.js';
import {
  DEFAULT_LOCALE,
  dateOrderFor,
  normaliseWhenText,
  type WhenReader,
  type WhenReading,
} from '../time/when-reader.js';
import { isValidTimeZone, localDateTime, zonedTimeToInstant } from '../time/zoned-time.js';
import { formatYmd } from './calendar.js';
import { RECAP_LIMITS } from './limits.js';

export interface MeetingTimeOptions {
  now: Date;
  /** The user's Slack time zone (IANA), e.g. Europe/Berlin. */
  timeZone: string;
  /** The user's Slack locale (e.g. en-GB): whether 12/3 is Dec 3 or 12 Mar. Absent = en-US (month/day). */
  locale?: string | null;
  /** Reads the date/time expression (chrono-node, src/nlp/chrono-when.ts). */
  readWhen: WhenReader;
  defaultDurationMinutes?: number;
}

export type MeetingTimeResult =
  | { ok: true; title: string; startsAt: Date; endsAt: Date; durationMinutes: number }
  | { ok: false; error: string };

export const DEFAULT_MEETING_MINUTES = 45;

export function meetingTimeHelp(timeZone: string, locale?: string | null): string {
  const numeric = dateOrderFor(locale) === 'day-first' ? 'day/month' : 'month/day';
  return [
    'Usage: `/vision meeting <title> <when>`, e.g. `/vision meeting Discovery with Acme tomorrow 15:00`.',
    '<when> can be `tomorrow 15:00`, `3pm tomorrow`, `tomorrow at noon`, `monday 9am`,',
    '`next week Tuesday 10:00`, `Dec 3 10:30`, `12/3 10:00`, `2026-12-03 10:30`,',
    '`15.00` (next time it is 15:00) or `in 2 hours`.',
    `Add \`for 30m\` or \`for 1h\` to change the ${DEFAULT_MEETING_MINUTES} min default.`,
    `Times are read in your Slack time zone (${timeZone}); 12/3 is ${numeric} (${locale ?? DEFAULT_LOCALE}).`,
  ].join(' ');
}

const DURATION_AFTER_FOR =
  /^(?:(\d+)\s*h(?:ours?|rs?)?\s*(\d+)\s*m(?:in(?:ute)?s?)?|(\d+(?:\.\d+)?)\s*(h|hrs?|hours?|m|mins?|minutes?))\s*$/i;

/**
 * " for 1h 30m" ending the text: what /\s+for\s+(?:…)\s*$/i matched, found without its quadratic scan. Only the
 * last " for " can start it (the duration itself holds no "for"); `index` is where its white space starts.
 */
export function durationAtEnd(text: string): { index: number; groups: (string | undefined)[] } | null {
  let at = text.length - 4;
  while (
    at > 0 &&
    !(isSpace(text[at - 1]) && text.slice(at, at + 3).toLowerCase() === 'for' && isSpace(text[at + 3]))
  ) {
    at--;
  }
  if (at <= 0) return null;
  let start = at + 3;
  while (isSpace(text[start])) start++;
  const duration = DURATION_AFTER_FOR.exec(text.slice(start));
  if (!duration) return null;
  let index = at - 1;
  while (index > 0 && isSpace(text[index - 1])) index--;
  return { index, groups: duration.slice(1) };
}
const RELATIVE = /(?:^|\s)in\s+(\d+(?:\.\d+)?)\s*(h|hrs?|hours?|m|mins?|minutes?)\s*$/i;
const TRAILING_PUNCTUATION = /^[\s.!]*$/;

function toMinutes(amount: string, unit: string): number {
  return Math.round(Number(amount) * (unit.toLowerCase().startsWith('h') ? 60 : 1));
}

type WhenAtEnd = { reading: WhenReading; title: string } | { error: string };

/** The date/time expression that ends `text` (the title comes first); an error when there is none or no time. */
function readWhenAtEnd(text: string, options: MeetingTimeOptions): WhenAtEnd {
  const normalised = normaliseWhenText(text);
  const now = localDateTime(options.now, options.timeZone);
  const last = options.readWhen(normalised, now, dateOrderFor(options.locale)).at(-1);
  if (!last || !TRAILING_PUNCTUATION.test(normalised.slice(last.index + last.text.length))) {
    return { error: 'I could not read when the meeting starts: put a date and time at the end.' };
  }
  if (!last.hasTime) {
    return { error: `"${last.text}" has no time of day: add one, e.g. \`${last.text} 15:00\`.` };
  }
  return { reading: last, title: normalised.slice(0, last.index) };
}

/**
 * Parses the text after `/vision meeting`: a title followed by a time expression at the end, optionally
 * followed by `for <duration>`. Wall-clock times are read in `timeZone`, relative to `now`, preferring the
 * future: a time without a date is the next time the clock shows it; a weekday is the next such day. A date or
 * time it cannot read is an error with examples, never a guess of today.
 */
export function parseMeetingCommand(text: string, options: MeetingTimeOptions): MeetingTimeResult {
  const { now, timeZone } = options;
  if (!isValidTimeZone(timeZone)) return { ok: false, error: `Unknown time zone "${timeZone}".` };
  const help = meetingTimeHelp(timeZone, options.locale);
  let rest = text.replace(/\s+/g, ' ').trim();

  let durationMinutes = options.defaultDurationMinutes ?? DEFAULT_MEETING_MINUTES;
  const duration = durationAtEnd(rest);
  if (duration) {
    const [hours, minutes, amount, unit] = duration.groups;
    durationMinutes = hours ? Number(hours) * 60 + Number(minutes) : toMinutes(amount!, unit!);
    rest = rest.slice(0, duration.index);
  }
  if (durationMinutes < 5 || durationMinutes > RECAP_LIMITS.maxMeetingMinutes) {
    return { ok: false, error: `A meeting lasts 5 to ${RECAP_LIMITS.maxMeetingMinutes} minutes. ${help}` };
  }

  let startsAt: Date;
  let titleText: string;
  const relative = RELATIVE.exec(rest);
  if (relative) {
    startsAt = new Date(now.getTime() + toMinutes(relative[1]!, relative[2]!) * 60_000);
    titleText = rest.slice(0, relative.index);
  } else {
    const found = readWhenAtEnd(rest, options);
    if ('error' in found) return { ok: false, error: `${found.error} ${help}` };
    const { date, hour, minute } = found.reading;
    startsAt = zonedTimeToInstant(date, hour, minute, timeZone);
    if (startsAt < now) {
      return { ok: false, error: `"${found.reading.text}" (${formatYmd(date)}) has already passed. ${help}` };
    }
    titleText = found.title;
  }

  const title = trimEndOf(trimStartOf(titleText.trim(), `"“'`), `"”'`).trim();
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
