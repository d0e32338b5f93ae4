import type { EntryKind } from '../entries.js';
import { quotedSpans, saidAttribution, trailingClause } from './attribution-parse.js';
import { commitmentDecision } from './commitments.js';
import { inferConstraintCategory } from './constraint-category.js';
import { findDueDate, parseDecisionText } from './decision-parse.js';
import type { DueDateOptions } from './due-reader.js';
import { isOurSpeaker } from './our-speakers.js';
import {
  CONSTRAINT_PHRASES,
  DRIVER_PHRASES,
  findPhrase,
  PROPOSAL_PHRASES,
  RISK_PHRASES,
  SUCCESS_PHRASES,
} from './phrases.js';
import { quoteAround } from './quote-cut.js';
import { decisionProcessCue, mentionedGroups, quantifiedImpact } from './recall-cues.js';
import { isNameLike, splitSpeakerPrefix } from './speaker-label.js';
import { normaliseText } from './transcript-parse.js';
import type { ProposedDecision, ProposedEntry, RecapExtraction, Utterance } from './types.js';
import { type GroupMention, unheardGroups, unheardProposals } from './unheard.js';
import { findStemmedPhrase } from './word-stems.js';

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
 * 4. Recall: phrases match by word stem ("takes the blame" = "take the blame"); a customer sentence or quote
 *    with quantified impact ("a fifth of our revenue", "30% of tickets", "two days a week") and no other cue
 *    is a driver; a sentence about how they decide ("the board signs off", "procurement needs three quotes",
 *    "we'll decide by Q1 after a pilot"), in a transcript or an unmarked notes line, is a decision; groups
 *    mentioned but never heard from ("the board", "procurement", "legal") are proposed as a constraint (or a risk,
 *    with risk words) quoting the sentence that names them, unless only our side named them (see unheard.ts).
 *    Quotes are cut to at most about 40 words: the sentence (or clause) that carries the point.
 * Duplicates (same kind and statement, or same decision title, ignoring case and punctuation) keep the first;
 * order is the order of appearance.
 */
export interface ExtractOptions {
  /** YYYY-MM-DD, for relative due dates ("by Friday"). */
  meetingDate: string;
  ourSpeakers?: readonly string[];
  /** Reads typed due dates ("by Friday", "12/3", "end of month"); without it, fixed patterns only. */
  due?: DueDateOptions | undefined;
}

const MARKER =
  /^\s*(?:(?:[-*•‣◦]|\d+[.)])\s*)?(success factor|we proposed|driver|initiative|success|csf|constraint|risk|decision|proposal)\s*:(.*)$/i;
const BULLET = /^\s*(?:[-*•‣◦]|\d+[.)])\s+/;
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
  /** Group name -> the first sentence that mentions it, and who said it. */
  mentions: Map<string, GroupMention>;
  speakers: Set<string>;
}

const newCollector = (): Collector => ({
  entries: [],
  decisions: [],
  mentions: new Map(),
  speakers: new Set(),
});

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

const IMPACT_CUE = 'quantified impact: ';

/** The words of a cue as they appear in the text ("quantified impact: 30%" -> "30%"). */
function cueWords(cue: string | null): string | null {
  return cue?.startsWith(IMPACT_CUE) ? cue.slice(IMPACT_CUE.length) : cue;
}

function keywordKind(text: string): { kind: EntryKind; cue: string } | null {
  for (const { kind, phrases } of KEYWORD_KINDS) {
    const cue = findPhrase(text, phrases) ?? findStemmedPhrase(text, phrases);
    if (cue) return { kind, cue };
  }
  const impact = quantifiedImpact(text);
  return impact ? { kind: 'driver', cue: `${IMPACT_CUE}${impact}` } : null;
}

function noteMentions(text: string, speaker: string | null, out: Collector): void {
  for (const sentence of sentences(text)) {
    for (const group of mentionedGroups(sentence)) {
      if (!out.mentions.has(group))
        out.mentions.set(group, { mention: quoteAround(sentence, sentence), speaker });
    }
  }
}

/** A sentence about how they decide -> a decision to confirm, with a due date when stated. */
function fromDecisionProcess(sentence: string, options: ExtractOptions, out: Collector): boolean {
  if (!decisionProcessCue(sentence)) return false;
  const due = findDueDate(sentence, options.meetingDate, options.due);
  const text = tidy(due ? due.rest : sentence);
  let title = quoteAround(text, text);
  while (/[\s,;.]$/.test(title)) title = title.slice(0, -1);
  if (title.split(' ').length < 3) return false;
  out.decisions.push({ title, ownerName: null, dueDate: due?.dueDate ?? null });
  return true;
}

/** "Dana said ...", "... (Dana)", "... - Dana" -> speaker and the text without the attribution. */
function attribution(text: string): { speaker: string | null; rest: string } {
  const said = saidAttribution(text);
  if (said && isNameLike(said.name)) return { speaker: said.name.trim(), rest: said.words };
  const trailing = trailingClause(text, true);
  const name = trailing ? (trailing.inParentheses ?? trailing.afterDash)!.trim() : null;
  if (trailing && name && isNameLike(name)) return { speaker: name, rest: text.slice(0, trailing.index) };
  const prefixed = splitSpeakerPrefix(text);
  if (prefixed) return { speaker: prefixed.speaker, rest: prefixed.text };
  return { speaker: null, rest: text };
}

function quotesIn(text: string): string[] {
  return quotedSpans(text)
    .map(tidy)
    .filter((q) => q.split(' ').length >= 3);
}

function fromMarker(line: string, speaker: string | null, options: ExtractOptions, out: Collector): boolean {
  const match = MARKER.exec(line);
  if (!match) return false;
  const marker = match[1]!.toLowerCase();
  const body = tidy(match[2]!);
  if (body === '') return true;
  if (marker === 'decision') {
    const decision = parseDecisionText(body, options.meetingDate, options.due);
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
  for (const fullQuote of quotes) {
    const point = pointOf(fullQuote);
    const quote = quoteAround(
      fullQuote,
      point,
      cueWords(keywordKind(point)?.cue ?? decisionProcessCue(point)),
    );
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

/** The sentence of a long quote that carries the point: the first with a cue, else the first. */
function pointOf(text: string): string {
  const all = sentences(text);
  return all.find((s) => keywordKind(s) !== null || decisionProcessCue(s) !== null) ?? all[0] ?? text;
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map(tidy)
    .filter((s) => s !== '');
}

function fromCustomerUtterance(utterance: Utterance, options: ExtractOptions, out: Collector): void {
  const text = tidy(utterance.text);
  for (const sentence of sentences(text)) {
    const found = keywordKind(sentence);
    if (found) {
      const cue = cueWords(found.cue);
      out.entries.push(
        entry(found.kind, {
          statement: quoteAround(sentence, sentence, cue),
          quote: quoteAround(text, sentence, cue),
          speaker: utterance.speaker,
          confidence: 'quoted',
          cue: found.cue,
        }),
      );
    }
    fromDecisionProcess(sentence, options, out);
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

function deduplicated(out: Collector, options: ExtractOptions): RecapExtraction {
  const unheard = unheardProposals(out.mentions, out.speakers, options.ourSpeakers ?? [], out.entries);
  const extraction: RecapExtraction = {
    entries: firstOfEach([...out.entries, ...unheard], (e) => `${e.kind}|${dedupeKey(e.statement)}`),
    decisions: firstOfEach(out.decisions, (d) => dedupeKey(d.title)),
  };
  // Only when there are some: without them the result has the LLM path's exact shape.
  const stakeholders = unheardGroups(out.mentions, out.speakers);
  return stakeholders.length > 0 ? { ...extraction, stakeholders } : extraction;
}

/** Proposals from free-form notes (markers and quoted words). */
export function extractFromNotes(notes: string, options: ExtractOptions): RecapExtraction {
  const out = newCollector();
  for (const line of normaliseText(notes).split('\n')) {
    if (line.trim() === '') continue;
    const { speaker, rest } = attribution(line.replace(BULLET, ''));
    noteMentions(speaker ? rest : line.replace(BULLET, ''), speaker, out);
    if (speaker) out.speakers.add(speaker);
    if (fromMarker(line, null, options, out)) continue;
    if (quotesIn(line).length > 0) fromQuotes(line, options, out);
    else
      for (const sentence of sentences(line.replace(BULLET, ''))) {
        if (fromDecisionProcess(sentence, options, out)) continue;
        const commitment = commitmentDecision(sentence, options);
        if (commitment) out.decisions.push(commitment);
      }
  }
  return deduplicated(out, options);
}

/** Proposals from parsed transcript utterances (markers, customer language, quotes in unlabelled text). */
export function extractFromTranscript(
  utterances: readonly Utterance[],
  options: ExtractOptions,
): RecapExtraction {
  const out = newCollector();
  for (const utterance of utterances) {
    noteMentions(utterance.text, utterance.speaker, out);
    if (utterance.speaker) out.speakers.add(utterance.speaker);
    if (fromMarker(utterance.text, utterance.speaker, options, out)) continue;
    if (utterance.speaker === null) fromQuotes(utterance.text, options, out);
    else if (!isOurSpeaker(utterance.speaker, options.ourSpeakers ?? [], utterance.affiliation !== undefined))
      fromCustomerUtterance(utterance, options, out);
  }
  return deduplicated(out, options);
}
