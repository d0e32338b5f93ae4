import type { Entry } from '../entries.js';
import type { Stakeholder } from '../stakeholders.js';
import { trimBothOf } from '../text/trim-end.js';
import type { Statement } from './draft.js';

export function speakerName(stakeholder: Stakeholder | undefined): string | null {
  if (!stakeholder) return null;
  return stakeholder.title ? `${stakeholder.name}, ${stakeholder.title}` : stakeholder.name;
}

/** Whitespace- and quote-mark-insensitive form used to check that a quote is verbatim. */
export function normalizeQuote(text: string): string {
  const spaced = text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
  return trimBothOf(spaced, `"'`).trim().toLowerCase();
}

/** The cited entry whose customer quote contains `quote` verbatim, if any. */
export function findQuoteSource(quote: string, cited: Entry[]): Entry | undefined {
  const wanted = normalizeQuote(quote);
  if (!wanted) return undefined;
  return cited.find((e) => e.kind !== 'proposal' && e.quote && normalizeQuote(e.quote).includes(wanted));
}

/**
 * Builds a statement whose attribution comes from the entries, never from the drafter:
 * the speaker is the stakeholder of the entry the quote was taken from, and `ourWords` is true when no cited
 * customer entry carries a quote.
 */
export function attributeStatement(
  text: string,
  cited: Entry[],
  quote: string | null,
  stakeholders: ReadonlyMap<number, Stakeholder>,
): Statement {
  const source = quote ? findQuoteSource(quote, cited) : undefined;
  const hasCustomerQuote = cited.some((e) => e.kind !== 'proposal' && e.quote && e.quote.trim() !== '');
  return {
    text,
    entryIds: [...new Set(cited.map((e) => e.id))],
    quote: source ? quote : null,
    speaker: source?.stakeholderId != null ? speakerName(stakeholders.get(source.stakeholderId)) : null,
    ourWords: !hasCustomerQuote,
  };
}

export function stakeholderMap(stakeholders: readonly Stakeholder[]): Map<number, Stakeholder> {
  return new Map(stakeholders.map((s) => [s.id, s]));
}

/** Entries a draft may rest on: the deal's live (non-archived) entries. */
export function citableEntries(entries: readonly Entry[]): Map<number, Entry> {
  return new Map(entries.filter((e) => !e.archived).map((e) => [e.id, e]));
}
