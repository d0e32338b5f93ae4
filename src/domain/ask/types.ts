import type { Decision } from '../decisions.js';
import type { ConstraintCategory, Entry } from '../entries.js';
import type { Stakeholder } from '../stakeholders.js';

export const ASK_TOPICS = [
  'drivers',
  'initiatives',
  'success_factors',
  'constraints',
  'risks',
  'proposals',
  'decisions',
  'stakeholders',
  'overview',
] as const;
export type AskTopic = (typeof ASK_TOPICS)[number];

export interface QuestionIntent {
  topics: AskTopic[];
  /** For constraint questions: the categories asked about (empty = all constraints). */
  categories: ConstraintCategory[];
  /** Content words of the question, for matching entries when no topic is named. */
  keywords: string[];
}

/** What the app knows about one deal: the only material an answer may use. */
export interface DealFacts {
  accountName: string;
  entries: readonly Entry[];
  decisions: readonly Decision[];
  stakeholders: readonly Stakeholder[];
}

/** One cited fact in an answer. Texts are raw: the Slack view escapes them. */
export interface AnswerLine {
  /** "#12" for an entry, "decision #3" for a decision, null for a stakeholder. */
  citation: string | null;
  entryId: number | null;
  label: string;
  text: string;
  quote: string | null;
  saidBy: string | null;
  confirmed: boolean;
}

export interface DealAnswer {
  /** True when the deal's entries answer the question. */
  found: boolean;
  /** Short heading, e.g. "Constraints (budget)". */
  heading: string;
  /** Prose answer (LLM) or null (offline: the lines are the answer). */
  text: string | null;
  lines: AnswerLine[];
  /** The question to ask the customer when the entries do not answer (or only partly). */
  suggestedQuestion: string | null;
  source: 'offline' | 'openai';
  /** Why the LLM answer was not used, when it was tried. */
  fallbackReason: string | null;
}
