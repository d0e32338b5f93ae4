import type { SuggestedKind } from './types.js';
import { KIND_KEYWORDS, TRIVIAL_QUOTE } from './word-lists.js';

const TRIVIAL_RE = new RegExp(TRIVIAL_QUOTE, 'i');
const KIND_RES = KIND_KEYWORDS.map(([kind, source]) => ({ kind, re: new RegExp(source, 'gi') }));

/** "they said thanks", "Priya: sounds good": relayed words with nothing worth logging. */
export function isTrivialQuote(quote: string): boolean {
  return TRIVIAL_RE.test(quote) && suggestKind(quote) === null;
}

export interface KindSuggestion {
  kind: SuggestedKind;
  keywords: string[];
}

/** The entry kind whose keywords the quote matches most (ties: risk, constraint, success factor, initiative, driver). */
export function suggestKind(quote: string): KindSuggestion | null {
  let best: KindSuggestion | null = null;
  for (const { kind, re } of KIND_RES) {
    const keywords = [...new Set([...quote.matchAll(re)].map((match) => match[0].toLowerCase()))];
    if (keywords.length > (best?.keywords.length ?? 0)) best = { kind, keywords };
  }
  return best;
}
