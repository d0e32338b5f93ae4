import { z } from 'zod';
import { MESSAGE_LABELS, type MessageLabel } from './types.js';

/** Multinomial logistic regression over binary features: one weight per (feature, class), plus a bias per class. */
export const linearModelSchema = z.object({
  version: z.literal(1),
  labels: z.tuple([
    z.literal(MESSAGE_LABELS[0]),
    z.literal(MESSAGE_LABELS[1]),
    z.literal(MESSAGE_LABELS[2]),
    z.literal(MESSAGE_LABELS[3]),
  ]),
  training: z.object({
    corpus: z.string(),
    examples: z.number().int(),
    seed: z.number().int(),
    epochs: z.number().int(),
    learningRate: z.number(),
    l2: z.number(),
    minCount: z.number().int(),
    balanceClasses: z.boolean().optional(),
  }),
  bias: z.array(z.number()).length(MESSAGE_LABELS.length),
  weights: z.record(z.string(), z.array(z.number()).length(MESSAGE_LABELS.length)),
});
export type LinearModel = z.infer<typeof linearModelSchema>;

export function softmax(logits: readonly number[]): number[] {
  const max = Math.max(...logits);
  const exps = logits.map((logit) => Math.exp(logit - max));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return exps.map((value) => value / total);
}

/** Class scores before softmax for a set of present features; unknown features weigh nothing. */
export function logits(model: LinearModel, features: Iterable<string>): number[] {
  const scores = [...model.bias];
  for (const feature of features) {
    const weights = model.weights[feature];
    if (!weights) continue;
    for (let label = 0; label < scores.length; label += 1)
      scores[label] = (scores[label] ?? 0) + (weights[label] ?? 0);
  }
  return scores;
}

export function labelIndex(label: MessageLabel): number {
  return MESSAGE_LABELS.indexOf(label);
}

/** How much a feature pushes towards a class beyond the other classes on average. */
export function featureLean(model: LinearModel, feature: string, label: number): number {
  const weights = model.weights[feature];
  if (!weights) return 0;
  const others = weights.filter((_, index) => index !== label);
  const mean = others.reduce((sum, weight) => sum + weight, 0) / Math.max(1, others.length);
  return (weights[label] ?? 0) - mean;
}
