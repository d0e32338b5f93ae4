import { trimStartOf } from '../text/trim-end.js';
import { timeOnlyLine } from './headed-blocks.js';
import { isNoiseMarker } from './noise-markers.js';
import { isNameLike, speakerOf, splitSpeakerPrefix } from './speaker-label.js';

/** Speaker labels at the start of one transcript line, in the forms meeting tools print them. */

const PLAIN_TIMESTAMP = /^\s*\[?((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)\]?\s+(.*)$/s;
const BRACKETED_TIME_FIRST = /^\[((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)\]\s?(.*)$/s;
/** "Dana Ruiz [00:01:02]: text" (Fathom and similar), "Dana Ruiz (00:01:02): text": the time between name and colon. */
const NAME_THEN_TIMESTAMP =
  /^\s*([^[\]:]{1,60})[[(]((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)[\])]:?\s+(.*)$/s;

/** "01:02:03.450", "02:03,45" -> milliseconds. */
export function parseTimestamp(value: string): number {
  const [clock, fraction = '0'] = value.split(/[.,]/);
  const parts = clock!.split(':').map(Number);
  const seconds = parts.reduce((total, part) => total * 60 + part, 0);
  return seconds * 1000 + Math.round(Number(`0.${fraction}`) * 1000);
}

const isSpace = (c: string | undefined) => c !== undefined && c !== '' && c.trim() === '';

/**
 * A WebVTT voice tag `<v Name>` or `<v.class1.class2 Name>` at the start of a line: the name and the text after
 * the tag. By hand: /^\s*<v(?:\.[^\s>.]+)*\s+([^>]+)>(.*)$/s is quadratic on long runs of white space.
 */
function voiceTag(line: string): { name: string; text: string } | null {
  const tag = line.trimStart();
  const close = tag.indexOf('>');
  if (!tag.startsWith('<v') || close < 0) return null;
  let i = 2;
  while (tag[i] === '.') {
    const from = ++i;
    while (i < close && tag[i] !== '.' && !isSpace(tag[i])) i++;
    if (i === from) return null;
  }
  // White space, then at least one more character before ">" (a blank name is refused by the caller).
  if (!isSpace(tag[i]) || close - i < 2) return null;
  return { name: tag.slice(i, close), text: tag.slice(close + 1) };
}

export interface Label {
  speaker: string;
  affiliation?: string;
  text: string;
}

/**
 * A speaker label from a `<v Name>` / `<v.class Name>` tag or a "Name:" prefix. In caption cues a new speaker
 * may be marked with ">>" or "- " before the label (">> DANA RUIZ: ..."); a line may put the name in brackets
 * ("[Dana Ruiz] ...", unless the brackets hold a marker such as "[Music]").
 */
export function labelOf(line: string, allowPrefix = true, caption = false): Label | null {
  const voice = voiceTag(line);
  if (voice) {
    const who = speakerOf(voice.name);
    return who.speaker === '' ? null : { ...who, text: voice.text };
  }
  if (!allowPrefix) return null;
  const trimmed = trimStartOf(line, ' \t');
  const unmarked = caption ? trimStartOf(trimmed.replace(/^(?:>>|-)/, ''), ' \t') : trimmed;
  const bracketed = /^\[([^[\]]{1,60})\]\s(.*)$/s.exec(unmarked);
  if (bracketed && !isNoiseMarker(bracketed[1]!) && isNameLike(bracketed[1]!, true)) {
    return { ...speakerOf(bracketed[1]!), text: bracketed[2]! };
  }
  return splitSpeakerPrefix(unmarked, true);
}

/** A plain line's label, after an optional leading timestamp ("[00:01:05] Dana: ..."). */
export function plainLabelOf(line: string): (Label & { startMs: number | null }) | null {
  const stamped = PLAIN_TIMESTAMP.exec(line);
  const stampedLabel = stamped ? labelOf(stamped[2]!) : null;
  if (stampedLabel) return { ...stampedLabel, startMs: parseTimestamp(stamped![1]!) };
  const nameFirst = NAME_THEN_TIMESTAMP.exec(line);
  if (nameFirst && isNameLike(nameFirst[1]!, true)) {
    return { ...speakerOf(nameFirst[1]!), text: nameFirst[3]!, startMs: parseTimestamp(nameFirst[2]!) };
  }
  const labelled = labelOf(line);
  if (!labelled) return null;
  // "Dana Ruiz: [00:00:05] text" (Sonix and others): a bracketed time right after the label. A bare "10:30" stays.
  // "Dana Ruiz: 0:03" with the words on the next lines: the label line holds only the time.
  const onlyTime = timeOnlyLine(labelled.text);
  if (onlyTime !== null) return { ...labelled, text: '', startMs: parseTimestamp(onlyTime) };
  const timeAfter = BRACKETED_TIME_FIRST.exec(labelled.text);
  return timeAfter
    ? { ...labelled, text: timeAfter[2]!, startMs: parseTimestamp(timeAfter[1]!) }
    : { ...labelled, startMs: null };
}
