import { isSupportedBy, sourceVocabulary } from './support.js';
import type { ProposedDecision, ProposedEntry, ProposedStakeholder, RecapExtraction } from './types.js';

const dedupeKey = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Loose form for "was this said verbatim?": case, quote marks and whitespace do not matter. */
const loose = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[“”„«»"]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Several extractions (chunks, notes + transcript) in one: order of appearance kept, duplicates (same kind and
 * statement, or same decision title, ignoring case and punctuation) keep the first.
 */
export function mergeExtractions(parts: readonly RecapExtraction[]): RecapExtraction {
  const entries = new Map<string, ProposedEntry>();
  const decisions = new Map<string, ProposedDecision>();
  for (const part of parts) {
    for (const entry of part.entries) {
      const key = `${entry.kind}|${dedupeKey(entry.statement)}`;
      if (!entries.has(key)) entries.set(key, entry);
    }
    for (const decision of part.decisions) {
      const key = dedupeKey(decision.title);
      if (!decisions.has(key)) decisions.set(key, decision);
    }
  }
  const stakeholders = new Map<string, ProposedStakeholder>();
  for (const stakeholder of parts.flatMap((part) => part.stakeholders ?? [])) {
    if (!stakeholders.has(stakeholder.name)) stakeholders.set(stakeholder.name, stakeholder);
  }
  const merged: RecapExtraction = { entries: [...entries.values()], decisions: [...decisions.values()] };
  return stakeholders.size > 0 ? { ...merged, stakeholders: [...stakeholders.values()] } : merged;
}

/**
 * Keeps an LLM extraction honest against the text it read: empty statements and titles are dropped, and so are
 * statements and titles whose words are not in the text (see support.ts); a quote that is not in the text
 * verbatim is removed (the statement stays, to be checked by a person), and a speaker or owner name that does
 * not occur in the text is removed. Nothing is invented.
 */
export function groundExtraction(extraction: RecapExtraction, sourceText: string): RecapExtraction {
  const source = loose(sourceText);
  const vocabulary = sourceVocabulary(sourceText);
  const occurs = (text: string | null): boolean =>
    text !== null && text.trim() !== '' && source.includes(loose(text));
  const entries = extraction.entries
    .map((entry) => ({
      ...entry,
      statement: entry.statement.replace(/\s+/g, ' ').trim(),
      quote: occurs(entry.quote) ? entry.quote!.trim() : null,
      speaker: occurs(entry.speaker) ? entry.speaker!.trim() : null,
      constraintCategory: entry.kind === 'constraint' ? (entry.constraintCategory ?? 'other') : null,
    }))
    .filter((entry) => entry.statement !== '' && isSupportedBy(entry.statement, vocabulary));
  const decisions = extraction.decisions
    .map((decision) => ({
      ...decision,
      title: decision.title.replace(/\s+/g, ' ').trim(),
      ownerName: occurs(decision.ownerName) ? decision.ownerName!.trim() : null,
    }))
    .filter((decision) => decision.title !== '' && isSupportedBy(decision.title, vocabulary));
  return { entries, decisions };
}
