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
const TRAILING_QUOTE = /\s+["“]([^"“”]+)["”]\s*$/;
const TRAILING_REFS = /\s*\[\s*(#?\d+(?:\s*,\s*#?\d+)*)\s*\]\s*$/;
const SPIN_PREFIX = /^\(\s*([a-z_ -]+)\s*\)\s*/i;

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
  const match = text.match(TRAILING_REFS);
  if (!match) return { text: text.trim(), entryIds: [] };
  const entryIds = (match[1] ?? '')
    .split(',')
    .map((id) => Number(id.replace('#', '').trim()))
    .filter((id) => Number.isInteger(id) && id > 0);
  return { text: text.slice(0, match.index).trim(), entryIds: [...new Set(entryIds)] };
}

export function parseStatements(text: string): CandidateStatement[] {
  return items(text).flatMap((item) => {
    const quoteMatch = item.match(TRAILING_QUOTE);
    const quote = quoteMatch ? (quoteMatch[1] ?? '').trim() || null : null;
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
    const prefix = item.match(SPIN_PREFIX);
    const spin = spinOf(prefix?.[1]);
    const body = spin && prefix ? item.slice(prefix[0].length) : item;
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
