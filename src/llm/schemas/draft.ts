import { z } from 'zod';
import { SPIN_KINDS } from '../../domain/drafts/draft.js';

/**
 * Structured-output schema sent to the model (zodResponseFormat). Kept flat and strict-mode friendly:
 * every field required, `.nullable()` instead of `.optional()`, no unions or recursion.
 * Attribution (speaker, "our words") is deliberately absent: the app derives it from the cited entries.
 */
const statement = z.object({
  text: z.string().describe('One short sentence, in plain words, addressed to the customer as "you".'),
  entry_ids: z.array(z.number().int()).describe('Ids of the entries this statement rests on. Never empty.'),
  quote: z
    .string()
    .nullable()
    .describe("The customer's verbatim words copied exactly from a cited entry's quote, or null."),
});

const visionPoint = z.object({
  future: z
    .string()
    .describe("The future state in the customer's own terms, as a short phrase (no product, no feature)."),
  driver_ids: z
    .array(z.number().int())
    .describe('Ids of the driver or initiative entries this future answers. Never a proposal.'),
  success_ids: z.array(z.number().int()).describe('Ids of the success factor entries it will be judged by.'),
  respect_ids: z.array(z.number().int()).describe('Ids of the constraint or risk entries it respects.'),
  first_step: z
    .string()
    .nullable()
    .describe('A first step that fits those constraints, as a short phrase; null if none fits yet.'),
});

const question = z.object({
  text: z.string(),
  spin: z.enum(SPIN_KINDS),
  entry_ids: z.array(z.number().int()),
});

export const llmDraftSchema = z.object({
  today: z.array(statement),
  drivers: z.array(statement),
  success_factors: z.array(statement),
  constraints: z.array(statement),
  vision: z.array(visionPoint),
  perspective: z
    .array(statement)
    .describe('What we have seen elsewhere: empty unless at least two drivers have status "confirmed".'),
  questions: z.array(question),
});
export type LlmDraft = z.infer<typeof llmDraftSchema>;
