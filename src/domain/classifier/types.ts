import type { EntryKind } from '../entries.js';

export const MESSAGE_LABELS = ['prescribing', 'customer_words', 'question', 'other'] as const;
export type MessageLabel = (typeof MESSAGE_LABELS)[number];

/** Customer-side kinds a relayed quote can be logged as (never `proposal`: that one is ours). */
export type SuggestedKind = Exclude<EntryKind, 'proposal'>;

export interface ClassifierResult {
  label: MessageLabel;
  /** 0..1, how sure the rules are; callers nudge only above their own threshold. */
  confidence: number;
  /** Human-readable why, e.g. `matched prescribing phrase "our platform can"`. */
  reasons: string[];
  /** For customer_words: the customer's words without `>`, quotation marks or "they said". */
  quote: string | null;
  /** For customer_words: which kind of entry the quote most likely is, from keyword rules. */
  suggestedKind: SuggestedKind | null;
}

/** Optional second opinion (e.g. an LLM) that may refine the offline result; the offline one is the fallback. */
export type ClassifierRefiner = (text: string, offlineResult: ClassifierResult) => Promise<ClassifierResult>;
