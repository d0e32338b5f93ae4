import { z } from 'zod';
import { MESSAGE_LABELS } from './types.js';

/**
 * train: the model learns from it. test: frozen, never used to tune anything. adversarial: frozen text, but its
 * errors from the first model informed more training messages. adversarial-blind: written after that, never tuned on.
 * customer-words-blind: written after the reported-speech model was frozen (all four classes), never tuned on.
 */
export const CORPUS_SPLITS = [
  'train',
  'test',
  'adversarial',
  'adversarial-blind',
  'customer-words-blind',
] as const;
export type CorpusSplit = (typeof CORPUS_SPLITS)[number];

export const labelledMessageSchema = z.object({
  label: z.enum(MESSAGE_LABELS),
  text: z.string().min(1),
});
export type LabelledMessage = z.infer<typeof labelledMessageSchema>;

/** Reads a JSONL corpus file (one `{"label","text"}` per line); a bad line is an error naming its number. */
export function parseCorpus(jsonl: string): LabelledMessage[] {
  return jsonl
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, number }) => {
      const parsed = labelledMessageSchema.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(`corpus line ${number}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return parsed.data;
    });
}
