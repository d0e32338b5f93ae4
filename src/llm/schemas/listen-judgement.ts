import { z } from 'zod';
import { MESSAGE_LABELS } from '../../domain/classifier/types.js';

/**
 * The model's second opinion on one deal-channel message. Flat, every field required, as OpenAI structured
 * outputs require; the confidence range is checked after parsing (strict mode has no minimum/maximum).
 */
export const listenJudgementSchema = z
  .object({
    label: z
      .enum(MESSAGE_LABELS)
      .describe(
        'prescribing: pitching, or reporting/planning/advising a pitch of our product, tier, price or collateral; ' +
          "diagnosing: asking, or planning to ask, about the customer's situation; customer_words: the customer's " +
          'own words relayed; neutral: anything else (logistics, jokes, a pitch explicitly held back)',
      ),
    confidence: z.number().describe('How sure you are, from 0 to 1'),
    quoted_words: z
      .array(z.string())
      .describe('Up to four short stretches of the message, copied word for word, that weighed most'),
  })
  .strict();
export type ListenJudgementReply = z.infer<typeof listenJudgementSchema>;
