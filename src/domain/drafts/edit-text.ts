import type { CandidateDraft, CandidateQuestion, CandidateStatement } from './citations.js';
import { type DraftContent, FACT_SECTIONS, type FactSection, SPIN_KINDS, type SpinKind } from './draft.js';

/** The sections a person can edit, in the order of the draft; the listening check is computed, not edited. */
export const EDIT_SECTIONS = [...FACT_SECTIONS, 'questions'] as const;
export type EditSection = (typeof EDIT_SECTIONS)[number];

const refsText = (ids: readonly number[]) => (ids.length ? ` [${ids.map((id) => `#${id}`).join(', ')}]` : '');

/** `- text [#1, #2] "verbatim quote"`: one line per statement, citations and quote kept editable. */
export function statementLines(items: readonly CandidateStatement[]): string[] {
  return items.map((s) => `- ${s.text}${refsText(s.entryIds)}${s.quote ? ` "${s.quote}"` : ''}`);
}

/** `- (problem) text [#3]` */
export function questionLines(items: readonly CandidateQuestion[]): string[] {
  return items.map((q) => `- (${q.spin}) ${q.text}${refsText(q.entryIds)}`);
}

/** The editable text of each section of a draft. */
export function draftToEditLines(content: DraftContent): Record<EditSection, string[]> {
  const out = {} as Record<EditSection, string[]>;
  for (const section of FACT_SECTIONS) out[section] = statementLines(content[section]);
  out.questions = questionLines(content.questions);
  return out;
}

const BULLET = /^\s*(?:[-*•]|\d+[.)])\s+/;
const REF = /^#?\d+$/;
const SPIN_LABEL = /^[a-z_ -]+$/i;
const isSpace = (c: string | undefined) => c !== undefined && c !== '' && c.trim() === '';

/**
 * A closing `"quote"` (straight or curly) after white space at the end of an item: the quote, and where the text
 * before it ends. By hand: /\s+["“]([^"“”]+)["”]\s*$/ is quadratic on long runs of white space.
 */
function trailingQuote(item: string): { quote: string; index: number } | null {
  const text = item.trimEnd();
  const close = text.length - 1;
  if (close < 2 || !'"”'.includes(text[close]!)) return null;
  let open = close - 1;
  while (open >= 0 && !'"“”'.includes(text[open]!)) open--;
  if (open < 1 || text[open] === '”' || open === close - 1 || !isSpace(text[open - 1])) return null;
  let index = open - 1;
  while (index > 0 && isSpace(text[index - 1])) index--;
  return { quote: text.slice(open + 1, close), index };
}

/** Trailing citations "[#1, #2]" (or "[1,2]"): their ids, or null when the item does not end with them. */
function trailingRefs(text: string): { index: number; ids: string[] } | null {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith(']')) return null;
  const open = trimmed.lastIndexOf('[');
  if (open < 0) return null;
  const ids = trimmed
    .slice(open + 1, -1)
    .split(',')
    .map((id) => id.trim());
  return ids.every((id) => REF.test(id)) ? { index: open, ids } : null;
}

/** A leading "(situation)" label: the label, and the text after it. */
function spinPrefix(item: string): { label: string; rest: string } | null {
  if (!item.startsWith('(')) return null;
  const close = item.indexOf(')');
  const label = close > 0 ? item.slice(1, close).trim() : '';
  return SPIN_LABEL.test(label) ? { label, rest: item.slice(close + 1).trimStart() } : null;
}

/** Bulleted items of a section; a line without a bullet continues the item above it. */
function items(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (BULLET.test(raw) || out.length === 0) out.push(line.replace(BULLET, '').trim());
    else out[out.length - 1] = `${out[out.length - 1]} ${line}`;
  }
  return out.filter((item) => item !== '');
}

function takeRefs(text: string): { text: string; entryIds: number[] } {
  const match = trailingRefs(text);
  if (!match) return { text: text.trim(), entryIds: [] };
  const entryIds = match.ids
    .map((id) => Number(id.replace('#', '')))
    .filter((id) => Number.isInteger(id) && id > 0);
  return { text: text.slice(0, match.index).trim(), entryIds: [...new Set(entryIds)] };
}

export function parseStatements(text: string): CandidateStatement[] {
  return items(text).flatMap((item) => {
    const quoteMatch = trailingQuote(item);
    const quote = quoteMatch ? quoteMatch.quote.trim() || null : null;
    const rest = quoteMatch ? item.slice(0, quoteMatch.index) : item;
    const { text: statement, entryIds } = takeRefs(rest);
    return statement ? [{ text: statement, entryIds, quote }] : [];
  });
}

const spinOf = (label: string | undefined): SpinKind | null => {
  const key = (label ?? '').toLowerCase().replace(/[\s-]+/g, '_');
  return (SPIN_KINDS as readonly string[]).includes(key) ? (key as SpinKind) : null;
};

export function parseQuestions(text: string): CandidateQuestion[] {
  return items(text).flatMap((item) => {
    const prefix = spinPrefix(item);
    const spin = spinOf(prefix?.label);
    const body = spin && prefix ? prefix.rest : item;
    const { text: question, entryIds } = takeRefs(body);
    return question ? [{ text: question, spin: spin ?? 'situation', entryIds }] : [];
  });
}

/**
 * The candidate draft a person wrote. Nothing here is trusted: it goes through checkCitations like a model's
 * reply (unknown or missing citations become "unverified", quotes must be verbatim, no proposal as a driver).
 */
export function parseEditText(texts: Partial<Record<EditSection, string>>): CandidateDraft {
  const draft = { questions: parseQuestions(texts.questions ?? '') } as CandidateDraft;
  for (const section of FACT_SECTIONS) draft[section as FactSection] = parseStatements(texts[section] ?? '');
  return draft;
}
