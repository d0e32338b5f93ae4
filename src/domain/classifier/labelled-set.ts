import { z } from 'zod';
import { MESSAGE_LABELS } from './types.js';

export const LABELLED_SPLITS = ['tune', 'heldout', 'challenge'] as const;

export const labelledSetSchema = z.object({
  guide: z.array(z.string()),
  messages: z
    .array(
      z.object({
        split: z.enum(LABELLED_SPLITS),
        label: z.enum(MESSAGE_LABELS),
        text: z.string().min(1),
      }),
    )
    .min(1),
});

export type LabelledSet = z.infer<typeof labelledSetSchema>;
export type LabelledMessage = LabelledSet['messages'][number];

/** Validates a labelled set read from JSON (see test/domain/classifier/labelled-messages.json). */
export function parseLabelledSet(json: unknown): LabelledSet {
  return labelledSetSchema.parse(json);
}
