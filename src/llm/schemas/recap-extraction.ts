import { z } from 'zod';
import { CONSTRAINT_CATEGORIES, ENTRY_KINDS } from '../../domain/entries.js';
import type { RecapExtraction } from '../../domain/recap/types.js';

/**
 * What the LLM returns when it reads meeting notes or a transcript. Flat objects, every field required and
 * `.nullable()` (never `.optional()`), as OpenAI structured outputs require. Same shape as the offline
 * extractor's RecapExtraction, so both paths feed the same confirmation UI.
 */
export const proposedEntrySchema = z
  .object({
    kind: z
      .enum(ENTRY_KINDS)
      .describe('driver, initiative, success_factor, constraint, risk, or proposal (ours)'),
    statement: z.string().describe('One-line summary in plain words'),
    quote: z.string().nullable().describe('The exact words said, copied verbatim; null if not said verbatim'),
    speaker: z.string().nullable().describe('Who said it, as labelled in the text; null if unknown'),
    confidence: z
      .enum(['explicit', 'quoted'])
      .describe('explicit: the notes mark the kind (e.g. "Driver:"); quoted: verbatim words, kind suggested'),
    constraintCategory: z
      .enum(CONSTRAINT_CATEGORIES)
      .nullable()
      .describe('Only for kind constraint; null otherwise'),
    cue: z.string().nullable().describe('The marker or words that justify the kind; null if none'),
  })
  .strict();

export const proposedDecisionSchema = z
  .object({
    title: z.string().describe('What the customer must decide'),
    ownerName: z.string().nullable().describe('Owner only when stated; null otherwise'),
    dueDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable()
      .describe('YYYY-MM-DD only when a date is stated; null otherwise'),
  })
  .strict();

export const recapExtractionSchema = z
  .object({
    entries: z.array(proposedEntrySchema),
    decisions: z.array(proposedDecisionSchema),
  })
  .strict();

export type RecapExtractionOutput = z.infer<typeof recapExtractionSchema>;

/** Compile-time proof that the schema and the domain type describe the same shape. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const recapExtractionMatchesDomain: Same<RecapExtractionOutput, RecapExtraction> = true;
