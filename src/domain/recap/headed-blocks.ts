import { trimEndOf } from '../text/trim-end.js';
import { isNameLike, speakerOf } from './speaker-label.js';
import type { Utterance } from './types.js';

/**
 * Headed blocks, as Otter and many note tools export them: a header line with the speaker and a time, the words
 * on the lines below it until the next header.
 *   "Dana Ruiz  0:03" (Otter, Teams .docx), "Dana Ruiz (Acme) 00:01:02", "Dana Ruiz" then "00:01:02" on its own
 *   line, "0:03 | Dana Ruiz" (Gong).
 * Line-by-line, no backtracking: the time is matched at the end of a line, the rest must be name-like.
 */
const TRAILING_TIME = /\s[[(]?((?:\d{1,2}:)?\d{1,2}:\d{2})[\])]?:?$/;
/** What may sit between the name and a trailing time: "Dana Ruiz - 00:03", "Dana Ruiz | 0:03". */
const NAME_TIME_SEPARATORS = ' \t|-–—·';
/** Export footers: Otter's "Transcribed by https://otter.ai", Google Meet's "Meeting ended after 00:07:12". */
const FOOTER = /^(?:transcribed by|meeting ended after|this editable transcript was computer generated)\b/i;
/** "0:03 | Dana Ruiz" (Gong), "00:01:02 - Dana Ruiz (Acme)": the time first, then a separator and the name. */
const LEADING_TIME = /^\[?((?:\d{1,2}:)?\d{1,2}:\d{2})\]?\s?[|\u2013\u2014-]\s*(\S.{0,80})$/;

export function isFooterLine(line: string): boolean {
  return FOOTER.test(line.trim());
}
const TIME_ONLY = /^\[?((?:\d{1,2}:)?\d{1,2}:\d{2})\]?$/;

export function timeOnlyLine(line: string): string | null {
  return TIME_ONLY.exec(line.trim())?.[1] ?? null;
}

export interface Header {
  who: { speaker: string; affiliation?: string };
  time: string;
}

/**
 * A header line: "Name [(Company)] time", "Name - time", "Name (time):" (Rev), "time | Name" (Gong); null for
 * anything else ("Dana: see you at 10:30" is a label with text, not a header).
 */
export function headerOf(line: string): Header | null {
  const trimmed = line.trim();
  const leading = LEADING_TIME.exec(trimmed);
  if (leading) {
    const name = leading[2]!.trim();
    return isNameLike(name, true) ? { who: speakerOf(name), time: leading[1]! } : null;
  }
  const time = TRAILING_TIME.exec(trimmed);
  if (!time) return null;
  const label = trimEndOf(trimmed.slice(0, time.index), NAME_TIME_SEPARATORS);
  if (label.endsWith(':') || !isNameLike(label, true)) return null;
  return { who: speakerOf(label), time: time[1]! };
}

const nameThenTime = (lines: readonly string[], at: number): boolean =>
  isNameLike(lines[at]!.trim(), true) && timeOnlyLine(lines[at + 1] ?? '') !== null;
const timeThenName = (lines: readonly string[], at: number): boolean =>
  timeOnlyLine(lines[at]!) !== null && isNameLike((lines[at + 1] ?? '').trim(), true);

/**
 * Headers on two lines: "Dana Ruiz" then "0:03" (Gong, Fireflies web copies), or "0:03" then "Dana Ruiz". A file
 * uses one order; the one with more pairs wins, so a short answer such as "Thanks." above the next time line is
 * not read as a name in a time-first file.
 */
function timeFirstFile(lines: readonly string[]): boolean {
  let nameFirst = 0;
  let timeFirst = 0;
  for (let at = 0; at < lines.length; at += 1) {
    if (headerOf(lines[at]!)) continue;
    if (nameThenTime(lines, at)) nameFirst += 1;
    else if (timeThenName(lines, at)) timeFirst += 1;
  }
  return timeFirst > nameFirst;
}

/** Header lines, counting a two-line header ("Name" and a time-only line, in the file's order) as one. */
export function countHeaders(lines: readonly string[]): number {
  const timeFirst = timeFirstFile(lines);
  let count = 0;
  for (let at = 0; at < lines.length; at += 1) {
    if (headerOf(lines[at]!)) count += 1;
    else if (timeFirst ? timeThenName(lines, at) : nameThenTime(lines, at)) count += 1;
  }
  return count;
}

/**
 * Transcripts copied from the Zoom or Teams web viewer keep each avatar's initials on a line above the name
 * ("DR" above "Dana Ruiz  0:03"): not speech. Only initials matching the name on the next line are skipped.
 */
function isAvatarInitials(line: string, next: string): boolean {
  const initials = line.trim();
  if (initials.length < 1 || initials.length > 3 || initials !== initials.toUpperCase()) return false;
  const header = headerOf(next);
  const name = header ? header.who.speaker : isNameLike(next.trim(), true) ? next.trim() : null;
  if (name === null) return false;
  const words = name.split(' ').filter((word) => word !== '' && word[0] === word[0]!.toUpperCase());
  const all = words.map((word) => word[0]).join('');
  const firstLast = words.length > 1 ? `${words[0]![0]}${words.at(-1)![0]}` : all;
  return initials === all || initials === firstLast;
}

export function parseHeadedBlocks(
  lines: readonly string[],
  toMs: (time: string) => number,
  clean: (text: string) => string,
): Utterance[] {
  const utterances: Utterance[] = [];
  const timeFirst = timeFirstFile(lines);
  let current: Utterance | null = null;
  for (let at = 0; at < lines.length; at += 1) {
    const line = lines[at]!;
    if (line.trim() === '' || isFooterLine(line) || isAvatarInitials(line, lines[at + 1] ?? '')) continue;
    const header = headerOf(line);
    const twoLine = !header && (timeFirst ? timeThenName(lines, at) : nameThenTime(lines, at));
    if (header || twoLine) {
      const [nameLine, timeLine] = timeFirst ? [lines[at + 1]!, line] : [line, lines[at + 1] ?? ''];
      const who = header ? header.who : speakerOf(nameLine);
      const time = header ? header.time : timeOnlyLine(timeLine)!;
      current = { ...who, text: '', startMs: toMs(time), endMs: null };
      utterances.push(current);
      if (!header) at += 1;
      continue;
    }
    // Lines before the first header are the export's preamble (title, date, attendees): not speech.
    if (current) current.text = `${current.text} ${clean(line)}`.trim();
  }
  for (let i = 0; i < utterances.length - 1; i++) {
    const next = utterances[i + 1]!;
    if (utterances[i]!.startMs !== null && next.startMs !== null) utterances[i]!.endMs = next.startMs;
  }
  return utterances.filter((utterance) => utterance.text !== '');
}
