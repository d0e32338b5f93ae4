import type { EntryKind } from '../entries.js';

/**
 * prescribing: pitching, or reporting, planning or advising a pitch (product, solution, tier, price, collateral).
 * diagnosing: asking, or planning or advising to ask, about the customer's situation.
 * customer_words: the customer's own words relayed. neutral: everything else (logistics, jokes, held-back pitches).
 */
export const MESSAGE_LABELS = ['prescribing', 'diagnosing', 'customer_words', 'neutral'] as const;
export type MessageLabel = (typeof MESSAGE_LABELS)[number];

/** Customer-side kinds a relayed quote can be logged as (never `proposal`: that one is ours). */
export type SuggestedKind = Exclude<EntryKind, 'proposal'>;

export interface ClassifierResult {
  label: MessageLabel;
  /** 0..1, the model's probability for the label; callers nudge only above their own threshold. */
  confidence: number;
  /** Human-readable why, e.g. `strongest words: "demo", "our scheduler"`. */
  reasons: string[];
  /** The words of the message that weighed most towards the label, strongest first. */
  topWords: string[];
  /** The stretch of the message that carried the label, e.g. "I'll demo the workflow builder". */
  evidence: string | null;
  /** For customer_words: the customer's words without `>`, quotation marks or "they said". */
  quote: string | null;
  /** For customer_words: which kind of entry the quote most likely is, from keyword rules. */
  suggestedKind: SuggestedKind | null;
}

/** Classifies one deal-channel message (offline, synchronous, deterministic). */
export type MessageClassifier = (text: string) => ClassifierResult;
