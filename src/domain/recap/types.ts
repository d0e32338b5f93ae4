import type { ConstraintCategory, EntryKind } from '../entries.js';

/** One cue or line of a transcript. Times are milliseconds from the start of the recording. */
export interface Utterance {
  speaker: string | null;
  /**
   * What the tool printed after the name, when it printed something: "Acme Corp" in "Dana Ruiz (Acme Corp)",
   * "Guest" in "Priya (Guest)". Such a speaker is one of ours only by full name (see our-speakers.ts).
   */
  affiliation?: string;
  text: string;
  startMs: number | null;
  endMs: number | null;
}

/** Consecutive utterances by the same speaker, merged. */
export interface Turn extends Utterance {
  /** Position of the turn in the merged list (0-based). */
  index: number;
  words: number;
}

export type TranscriptFormat = 'vtt' | 'srt' | 'plain' | 'headed' | 'unknown';

/**
 * How a proposal was found:
 * - `explicit`: the rep wrote a marker such as `Driver:`; the kind is theirs.
 * - `quoted`: verbatim words (a quote in the notes or a transcript line); the kind was chosen by keyword
 *   rules (see `cue`) and must be checked by the user before it becomes an entry.
 */
export type ProposalConfidence = 'explicit' | 'quoted';

/** A proposed entry; it becomes an Entry only after a user confirms it. */
export interface ProposedEntry {
  kind: EntryKind;
  statement: string;
  /** Verbatim words, when we have them. */
  quote: string | null;
  speaker: string | null;
  confidence: ProposalConfidence;
  /** Only for `constraint`; inferred from words, else `other`. */
  constraintCategory: ConstraintCategory | null;
  /** The marker or phrase that chose the kind; null when no rule matched and the kind is a default. */
  cue: string | null;
}

/** A decision the customer still has to make, proposed for confirmation. */
export interface ProposedDecision {
  title: string;
  ownerName: string | null;
  /** YYYY-MM-DD */
  dueDate: string | null;
}

/** A group or person the customer mentioned who never spoke ("the board", "procurement"): confirm as stakeholder. */
export interface ProposedStakeholder {
  name: string;
  /** The sentence that mentions them (at most about 40 words). */
  mention: string;
}

/** Shared by the offline extractor and the LLM path (see src/llm/schemas/recap-extraction.ts). */
export interface RecapExtraction {
  entries: ProposedEntry[];
  decisions: ProposedDecision[];
  /** Offline only, present when not empty: people mentioned but never heard from (not in the LLM schema). */
  stakeholders?: ProposedStakeholder[];
}
