import { countHeaders, isFooterLine, parseHeadedBlocks, timeOnlyLine } from './headed-blocks.js';
import { labelOf, parseTimestamp, plainLabelOf } from './line-labels.js';
import { looksLikeNameParagraphs, parseNameParagraphs } from './name-paragraphs.js';
import { stripNoiseMarkers } from './noise-markers.js';
import { isNameLike, speakerOf } from './speaker-label.js';
import { applySpeakerMapping, readSpeakerMapping } from './speaker-map.js';
import type { TranscriptFormat, Utterance } from './types.js';

export { parseTimestamp };

export interface ParsedTranscript {
  format: TranscriptFormat;
  utterances: Utterance[];
  hasSpeakers: boolean;
  hasTimestamps: boolean;
  /** Why the text cannot give listening metrics (unknown format, no speaker labels); null when it can. */
  reason: string | null;
}

/** "00:00:01,000 --> 00:00:04,000" (SRT), "00:01.000 --> 00:04.000" (WebVTT), "0:0:0.0 --> 0:0:4.630" (Teams .docx). */
const TIMING_LINE =
  /^\s*((?:\d+:)?\d{1,2}:\d{1,2}[.,]\d{1,3})\s*-->\s*((?:\d+:)?\d{1,2}:\d{1,2}[.,]\d{1,3})(?:\s.*)?$/;
/** A cue whose end time the tool left out: "00:01:02.000 -->". */
const TIMING_WITHOUT_END = /^\s*((?:\d+:)?\d{1,2}:\d{1,2}[.,]\d{1,3})\s*-->\s*$/;

function timingOf(line: string): { startMs: number; endMs: number | null } | null {
  const full = TIMING_LINE.exec(line);
  if (full) return { startMs: parseTimestamp(full[1]!), endMs: parseTimestamp(full[2]!) };
  const open = TIMING_WITHOUT_END.exec(line);
  return open ? { startMs: parseTimestamp(open[1]!), endMs: null } : null;
}

/** Strips a BOM and normalises Windows / old Mac line endings. */
export function normaliseText(raw: string): string {
  return raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * Format rules: a first line starting with "WEBVTT" -> vtt; otherwise any "start --> end" timing line -> srt;
 * otherwise at least two lines with a speaker label (see speaker-label.ts) making up at least half of the
 * non-empty lines -> plain; paragraphs opening with a name line, without times -> headed (see name-paragraphs.ts);
 * anything else -> unknown (treated as notes).
 */
export function detectTranscriptFormat(raw: string): TranscriptFormat {
  const lines = normaliseText(raw)
    .split('\n')
    .filter((line) => line.trim() !== '');
  if (lines.length === 0) return 'unknown';
  if (/^WEBVTT(?:\s|$)/.test(lines[0]!)) return 'vtt';
  if (lines.some((line) => timingOf(line) !== null)) return 'srt';
  const labelled = lines.filter((line) => plainLabelOf(line) !== null).length;
  const headers = countHeaders(lines);
  if (headers >= 2 && headers > labelled) return 'headed';
  const times = lines.filter((line) => timeOnlyLine(line) !== null).length;
  if (labelled >= 2 && labelled * 2 >= lines.length - times) return 'plain';
  return headers < 2 && looksLikeNameParagraphs(normaliseText(raw)) ? 'headed' : 'unknown';
}

export function parseTranscript(raw: string): ParsedTranscript {
  const mapping = readSpeakerMapping(normaliseText(raw));
  const text = mapping.text;
  const format = detectTranscriptFormat(text);
  const parsed =
    format === 'plain'
      ? parsePlain(text)
      : format === 'headed'
        ? countHeaders(text.split('\n')) >= 2
          ? parseHeadedBlocks(text.split('\n'), parseTimestamp, cleanText)
          : parseNameParagraphs(text, cleanText)
        : format === 'unknown'
          ? []
          : parseCues(text);
  const utterances = applySpeakerMapping(parsed, mapping.names);
  const hasSpeakers = utterances.some((utterance) => utterance.speaker !== null);
  const hasTimestamps = utterances.some((utterance) => utterance.startMs !== null);
  return {
    format,
    utterances,
    hasSpeakers,
    hasTimestamps,
    reason: reasonFor(format, utterances, hasSpeakers),
  };
}

function reasonFor(format: TranscriptFormat, utterances: Utterance[], hasSpeakers: boolean): string | null {
  if (format === 'unknown') {
    return 'This does not look like a transcript (no WebVTT header, no SRT timings, and fewer than two "Name: text" lines), so it is kept as notes and no listening metrics are computed.';
  }
  if (utterances.length === 0) return `The ${label(format)} transcript has no spoken text.`;
  if (!hasSpeakers) {
    return `The ${label(format)} transcript has no speaker labels (<v Name> tags or "Name:" prefixes), so listening metrics cannot be computed; it is used as notes.`;
  }
  return null;
}

function label(format: TranscriptFormat): string {
  return format === 'vtt'
    ? 'WebVTT'
    : format === 'srt'
      ? 'SRT'
      : format === 'headed'
        ? 'headed-block'
        : 'plain';
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lrm;|&rlm;/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function cleanText(text: string): string {
  return stripNoiseMarkers(decodeEntities(text.replace(/<[^<>]*>/g, '')))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Voice tags may also open mid-line ("<v Dana>Hi</v> <v Sam>Hello"): each opens a new segment. */
function splitVoiceSegments(line: string): string[] {
  return line.split(/(?=<v[\s.])/).filter((segment) => segment.trim() !== '');
}

/** A payload line holding only a name: "Dana Ruiz", "Dana Ruiz (Acme Corp)" (Teams .docx exports). */
function isNameLine(line: string): boolean {
  return !line.includes(':') && !line.includes('<') && isNameLike(line, true);
}

/**
 * Teams' .docx export puts the speaker's name on its own line under the timing line. Read so only when most
 * cues (and at least two) open with a name line followed by text, so a subtitle line such as "Thank You" in an
 * ordinary SRT does not become a speaker.
 */
function nameLineCues(payloads: readonly string[][]): boolean {
  const spoken = payloads.filter((payload) => payload.some((line) => line.trim() !== ''));
  const named = spoken.filter((payload) => payload.length >= 2 && isNameLine(payload[0]!)).length;
  return named >= 2 && named * 10 >= spoken.length * 8;
}

function speakerFields(from: {
  speaker: string | null;
  affiliation?: string;
}): Pick<Utterance, 'speaker' | 'affiliation'> {
  return from.affiliation === undefined
    ? { speaker: from.speaker }
    : { speaker: from.speaker, affiliation: from.affiliation };
}

/**
 * WebVTT and SRT share this: blocks separated by blank lines; the line with "-->" is the timing line; lines
 * before it (cue identifier, SRT index) are skipped; lines after it are the payload. WEBVTT header, NOTE,
 * STYLE and REGION blocks have no timing line and are skipped. A cue with `<v>` tags takes speakers only from
 * them ("Phase One: scope" inside it stays text); other cues use "Name:" prefixes. Within a payload, a line
 * with a new label starts a new utterance (same cue times); a line without one continues the current one, and a
 * cue that opens without a label continues the previous cue's speaker (null when there is none).
 * Cue order is kept as in the file, so overlapping cues stay as separate utterances.
 */
function parseCues(text: string): Utterance[] {
  const utterances: Utterance[] = [];
  const cues = text.split(/\n\s*\n/).flatMap((block) => {
    const lines = block.split('\n');
    const timingIndex = lines.findIndex((line) => timingOf(line) !== null);
    return timingIndex < 0
      ? []
      : [{ timing: timingOf(lines[timingIndex]!)!, payload: lines.slice(timingIndex + 1) }];
  });
  const namesOnOwnLine = nameLineCues(cues.map((cue) => cue.payload));
  for (const cue of cues) {
    const { startMs, endMs } = cue.timing;
    let current: Utterance | null = null;
    const previous = utterances.at(-1);
    const carried = previous ? speakerFields(previous) : { speaker: null };
    if (namesOnOwnLine && cue.payload.length >= 2 && isNameLine(cue.payload[0]!)) {
      const body = cleanText(cue.payload.slice(1).join(' '));
      if (body !== '') utterances.push({ ...speakerOf(cue.payload[0]!), text: body, startMs, endMs });
      continue;
    }
    const payload = cue.payload;
    const usesVoiceTags = payload.some((line) => /<v[\s.]/.test(line));
    for (const segment of payload.flatMap(splitVoiceSegments)) {
      const labelled = labelOf(segment, !usesVoiceTags, true);
      const body = cleanText(labelled ? labelled.text : segment);
      if (labelled) {
        current = { ...speakerFields(labelled), text: body, startMs, endMs };
        utterances.push(current);
      } else if (current) {
        current.text = `${current.text} ${body}`.trim();
      } else if (body !== '') {
        // A cue without a label continues the previous cue's speaker (Zoom and Teams wrap long turns so).
        current = { ...carried, text: body, startMs, endMs };
        utterances.push(current);
      }
    }
  }
  // A cue without an end time ends where the next cue starts (the last one keeps none).
  for (let i = 0; i < utterances.length - 1; i++) {
    const next = utterances[i + 1]!.startMs!;
    if (utterances[i]!.endMs === null && next >= utterances[i]!.startMs!) utterances[i]!.endMs = next;
  }
  return utterances.filter((utterance) => utterance.text !== '');
}

/**
 * Plain "Name: text" lines. An optional leading timestamp ("[00:01:05] Dana: ...") sets startMs; endMs is the
 * next timestamped utterance's start (null for the last one). A time on its own line ("00:01:05", Google Meet)
 * is the start of the next labelled line only. A line without a label continues the previous speaker; lines
 * before the first label (title, "Attendees", "Transcript") and export footers are not speech and are dropped.
 */
function parsePlain(text: string): Utterance[] {
  const utterances: Utterance[] = [];
  let pendingStart: number | null = null;
  for (const rawLine of text.split('\n')) {
    if (rawLine.trim() === '' || isFooterLine(rawLine)) continue;
    const time = timeOnlyLine(rawLine);
    if (time !== null) {
      pendingStart = parseTimestamp(time);
      continue;
    }
    const labelled = plainLabelOf(rawLine);
    if (labelled) {
      const startMs = labelled.startMs ?? pendingStart;
      pendingStart = null;
      utterances.push({ ...labelled, startMs, text: cleanText(labelled.text), endMs: null });
      continue;
    }
    // Lines before the first label are the document's preamble (title, "Attendees", "Transcript"): not speech.
    const last = utterances.at(-1);
    if (last) last.text = `${last.text} ${cleanText(rawLine)}`.trim();
  }
  for (let i = 0; i < utterances.length - 1; i++) {
    const next = utterances[i + 1]!;
    if (utterances[i]!.startMs !== null && next.startMs !== null) utterances[i]!.endMs = next.startMs;
  }
  return utterances.filter((utterance) => utterance.text !== '');
}
