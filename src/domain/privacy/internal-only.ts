import type { Entry, EntryKind } from '../entries.js';

/** Entries that may be shown to the customer or posted in a channel: live and not internal-only. */
export function shareableEntries<T extends Pick<Entry, 'archived' | 'internalOnly'>>(
  entries: readonly T[],
): T[] {
  return entries.filter((e) => !e.archived && !e.internalOnly);
}

export type InternalOnlyReason = 'personal_fear' | 'personal_standing';

export const INTERNAL_ONLY_REASONS: Record<InternalOnlyReason, string> = {
  personal_fear: 'it sounds like a personal fear',
  personal_standing: "it is about a named person's standing",
};

// Word lists, not patterns: each is matched as a whole word, so the check is linear in the text length.
const FIRST_PERSON = new Set(['i', "i'm", "i'll", 'me', 'my', 'myself', 'we', 'our', 'us']);
const FEAR_WORDS = new Set([
  'afraid',
  'blame',
  'blamed',
  'fear',
  'fired',
  'scared',
  'worried',
  'worry',
  'nervous',
  'embarrass',
  'embarrassed',
  'embarrassing',
  'career',
  'job',
  'reputation',
  'credibility',
  'neck',
  'heads',
  'head',
]);
const STANDING_WORDS = new Set([
  'blame',
  'blamed',
  'credibility',
  'reputation',
  'career',
  'promotion',
  'promoted',
  'fired',
  'replaced',
  'leaving',
  'resign',
  'resigning',
  'politics',
  'political',
  'trust',
  'standing',
  'performance',
  'review',
  'bonus',
  'board',
  'rival',
  'sidelined',
]);
const PERSON_TITLES = new Set([
  'ceo',
  'cfo',
  'coo',
  'cto',
  'cio',
  'vp',
  'boss',
  'manager',
  'director',
  'head',
]);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean);
}

/** Capitalised words that are not at a sentence start: a crude, explainable sign of a person's name. */
function namesAPerson(text: string, knownNames: readonly string[]): boolean {
  const lower = text.toLowerCase();
  if (knownNames.some((n) => n.trim() && lower.includes(n.trim().toLowerCase()))) return true;
  return words(text).some((w) => PERSON_TITLES.has(w));
}

/**
 * Whether the entry form should offer "Internal only" ticked, and why (a reason the rep can read). A simple
 * heuristic, by design: a risk or constraint in the first person that speaks of fear, blame or one's job is a
 * personal fear; any text that names a person (a known stakeholder, or a title like "CFO") together with a
 * word about standing (blame, credibility, career, promotion...) is about that person's standing.
 */
export function suggestInternalOnly(
  fields: { kind: EntryKind; statement: string; quote: string | null },
  knownNames: readonly string[] = [],
): InternalOnlyReason | null {
  const text = `${fields.statement} ${fields.quote ?? ''}`;
  const ws = words(text);
  const firstPerson = ws.some((w) => FIRST_PERSON.has(w));
  const fear = ws.some((w) => FEAR_WORDS.has(w));
  if ((fields.kind === 'risk' || fields.kind === 'constraint') && firstPerson && fear) return 'personal_fear';
  if (ws.some((w) => STANDING_WORDS.has(w)) && namesAPerson(text, knownNames)) return 'personal_standing';
  if (fear && ws.some((w) => w === 'blame' || w === 'blamed' || w === 'fired')) return 'personal_fear';
  return null;
}
