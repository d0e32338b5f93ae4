import type { EntryKind } from '../entries.js';
import { inferConstraintCategory } from './constraint-category.js';
import { findDueDate, parseDecisionText } from './decision-parse.js';
import { isOurSpeaker } from './our-speakers.js';
import {
  CONSTRAINT_PHRASES,
  DRIVER_PHRASES,
  findPhrase,
  PROPOSAL_PHRASES,
  RISK_PHRASES,
  SUCCESS_PHRASES,
} from './phrases.js';
import { isNameLike, splitSpeakerPrefix } from './speaker-label.js';
import { normaliseText } from './transcript-parse.js';
import type { ProposedDecision, ProposedEntry, RecapExtraction, Utterance } from './types.js';

/**
 * Offline, deterministic extraction. Everything it returns is a proposal for the user to confirm.
 * Rules, per line (notes) or utterance (transcripts):
 * 1. A marker at line start (case-insensitive, after an optional bullet): `Driver:`, `Initiative:`,
 *    `Success:` / `Success factor:` / `CSF:`, `Constraint:`, `Risk:`, `Proposal:` / `We proposed:` -> an entry of
 *    that kind, confidence `explicit`; `Decision:` -> a decision with owner and due date when stated.
 * 2. Notes: each quoted span ("..." or “...”) of at least 3 words on a line without a marker -> an entry with
 *    confidence `quoted`, the quote verbatim, the speaker from a "Name:" prefix, "Name said" or a trailing
 *    "(Name)". Kind by keyword rules in this order: constraint, risk, success factor, driver; when none matches
 *    the kind defaults to `driver` with `cue: null` so the UI can flag it. Quotes by our own speakers become
 *    `proposal` only with proposal language, else they are skipped.
 * 3. Transcripts: each sentence of a customer utterance (labelled, not ours) with constraint, risk, success or
 *    driver language -> an entry with confidence `quoted`, the whole utterance as the verbatim quote and its
 *    speaker; a customer sentence with "decide"/"decision" -> a decision (owner not guessed). Our own lines
 *    are only read for markers.
 * Duplicates (same kind and statement, or same decision title, ignoring case and punctuation) keep the first;
 * order is the order of appearance.
 */
export interface ExtractOptions {
  /** YYYY-MM-DD, for relative due dates ("by Friday"). */
  meetingDate: string;
  ourSpeakers?: readonly string[];
}

const MARKER =
  /^\s*(?:(?:[-*•‣◦]|\d+[.)])\s*)?(success factor|we proposed|driver|initiative|success|csf|constraint|risk|decision|proposal)\s*:(.*)$/i;
const BULLET = /^\s*(?:[-*•‣◦]|\d+[.)])\s+/;
const QUOTE = /"([^"]+)"|“([^”]+)”/g;
const MARKER_KINDS: Record<string, EntryKind> = {
  driver: 'driver',
  initiative: 'initiative',
  success: 'success_factor',
  'success factor': 'success_factor',
  csf: 'success_factor',
  constraint: 'constraint',
  risk: 'risk',
  proposal: 'proposal',
  'we proposed': 'proposal',
};
const KEYWORD_KINDS: readonly { kind: EntryKind; phrases: readonly string[] }[] = [
  { kind: 'constraint', phrases: CONSTRAINT_PHRASES },
  { kind: 'risk', phrases: RISK_PHRASES },
  { kind: 'success_factor', phrases: SUCCESS_PHRASES },
  { kind: 'driver', phrases: DRIVER_PHRASES },
];

interface Collector {
  entries: ProposedEntry[];
  decisions: ProposedDecision[];
}

const tidy = (text: string): string => text.replace(/\s+/g, ' ').trim();
const dedupeKey = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function entry(kind: EntryKind, fields: Omit<ProposedEntry, 'kind' | 'constraintCategory'>): ProposedEntry {
  const constraintCategory = kind === 'constraint' ? inferConstraintCategory(fields.statement) : null;
  return { kind, ...fields, constraintCategory };
}

function keywordKind(text: string): { kind: EntryKind; cue: string } | null {
  for (const { kind, phrases } of KEYWORD_KINDS) {
    const cue = findPhrase(text, phrases);
    if (cue) return { kind, cue };
  }
  return null;
}

/** "Dana said ...", "... (Dana)", "... - Dana" -> speaker and the text without the attribution. */
function attribution(text: string): { speaker: string | null; rest: string } {
  const said = /^\s*([^,:"“]{1,40}?)\s+said\b[:,]?\s*(.*)$/s.exec(text);
  if (said && isNameLike(said[1]!)) return { speaker: said[1]!.trim(), rest: said[2]! };
  const trailing = /\s*(?:\(([^()]+)\)|\s[–—-]\s*([^–—-]+))\s*$/.exec(text);
  const name = trailing ? (trailing[1] ?? trailing[2])!.trim() : null;
  if (trailing && name && isNameLike(name)) return { speaker: name, rest: text.slice(0, trailing.index) };
  const prefixed = splitSpeakerPrefix(text);
  if (prefixed) return { speaker: prefixed.speaker, rest: prefixed.text };
  return { speaker: null, rest: text };
}

function quotesIn(text: string): string[] {
  return [...text.matchAll(QUOTE)].map((m) => tidy((m[1] ?? m[2])!)).filter((q) => q.split(' ').length >= 3);
}

function fromMarker(line: string, speaker: string | null, options: ExtractOptions, out: Collector): boolean {
  const match = MARKER.exec(line);
  if (!match) return false;
  const marker = match[1]!.toLowerCase();
  const body = tidy(match[2]!);
  if (body === '') return true;
  if (marker === 'decision') {
    const decision = parseDecisionText(body, options.meetingDate);
    if (decision.title !== '') out.decisions.push(decision);
    return true;
  }
  const attributed = attribution(body);
  const quote = quotesIn(attributed.rest)[0] ?? null;
  const statement = tidy(attributed.rest.replace(/["“”]/g, ''));
  if (statement === '') return true;
  const cue = `${match[1]!.trim()}:`;
  const who = attributed.speaker ?? speaker;
  out.entries.push(
    entry(MARKER_KINDS[marker]!, { statement, quote, speaker: who, confidence: 'explicit', cue }),
  );
  return true;
}

function fromQuotes(line: string, options: ExtractOptions, out: Collector): void {
  const quotes = quotesIn(line);
  if (quotes.length === 0) return;
  const { speaker } = attribution(line.replace(BULLET, ''));
  const ours = isOurSpeaker(speaker, options.ourSpeakers ?? []);
  for (const quote of quotes) {
    if (ours) {
      const cue = findPhrase(quote, PROPOSAL_PHRASES);
      if (cue)
        out.entries.push(entry('proposal', { statement: quote, quote, speaker, confidence: 'quoted', cue }));
      continue;
    }
    const found = keywordKind(quote);
    out.entries.push(
      entry(found?.kind ?? 'driver', {
        statement: quote,
        quote,
        speaker,
        confidence: 'quoted',
        cue: found?.cue ?? null,
      }),
    );
  }
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map(tidy)
    .filter((s) => s !== '');
}

function fromCustomerUtterance(utterance: Utterance, options: ExtractOptions, out: Collector): void {
  const quote = tidy(utterance.text);
  for (const sentence of sentences(quote)) {
    const found = keywordKind(sentence);
    if (found) {
      out.entries.push(
        entry(found.kind, {
          statement: sentence,
          quote,
          speaker: utterance.speaker,
          confidence: 'quoted',
          cue: found.cue,
        }),
      );
    }
    if (/\b(decide|decision|decides|deciding)\b/i.test(sentence)) {
      const due = findDueDate(sentence, options.meetingDate);
      const title = tidy(due ? due.rest : sentence).replace(/[\s,;.]+$/, '');
      out.decisions.push({ title, ownerName: null, dueDate: due?.dueDate ?? null });
    }
  }
}

function firstOfEach<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  const kept: T[] = [];
  for (const item of items) {
    const key = keyOf(item);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(item);
  }
  return kept;
}

function deduplicated(out: Collector): RecapExtraction {
  return {
    entries: firstOfEach(out.entries, (e) => `${e.kind}|${dedupeKey(e.statement)}`),
    decisions: firstOfEach(out.decisions, (d) => dedupeKey(d.title)),
  };
}

/** Proposals from free-form notes (markers and quoted words). */
export function extractFromNotes(notes: string, options: ExtractOptions): RecapExtraction {
  const out: Collector = { entries: [], decisions: [] };
  for (const line of normaliseText(notes).split('\n')) {
    if (line.trim() === '') continue;
    if (!fromMarker(line, null, options, out)) fromQuotes(line, options, out);
  }
  return deduplicated(out);
}

/** Proposals from parsed transcript utterances (markers, customer language, quotes in unlabelled text). */
export function extractFromTranscript(
  utterances: readonly Utterance[],
  options: ExtractOptions,
): RecapExtraction {
  const out: Collector = { entries: [], decisions: [] };
  for (const utterance of utterances) {
    if (fromMarker(utterance.text, utterance.speaker, options, out)) continue;
    if (utterance.speaker === null) fromQuotes(utterance.text, options, out);
    else if (!isOurSpeaker(utterance.speaker, options.ourSpeakers ?? []))
      fromCustomerUtterance(utterance, options, out);
  }
  return deduplicated(out);
}
