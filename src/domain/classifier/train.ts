import type { LinearModel } from './model.js';
import { logits, softmax } from './model.js';
import { MESSAGE_LABELS, type MessageLabel } from './types.js';

export interface TrainingExample {
  features: string[];
  label: MessageLabel;
}

export interface TrainingOptions {
  corpus: string;
  seed: number;
  epochs: number;
  learningRate: number;
  l2: number;
  /** Features seen in fewer training messages than this are dropped. */
  minCount: number;
  /**
   * Weigh each message by 1 / (its class's share x number of classes), so a class that has more training messages
   * (customer words, after the hard cases were added) does not win by its prior alone.
   */
  balanceClasses?: boolean;
}

export const DEFAULT_TRAINING: Omit<TrainingOptions, 'corpus'> = {
  seed: 13,
  epochs: 60,
  learningRate: 0.2,
  l2: 0.01,
  minCount: 2,
  balanceClasses: true,
};

/** mulberry32: a small seeded generator, so the shuffle order (and the model) is reproducible. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * Trains multinomial logistic regression by stochastic gradient descent with L2, in a seeded order.
 * The same examples and options give the same model, bit for bit.
 */
export function trainLinearModel(
  examples: readonly TrainingExample[],
  options: TrainingOptions,
): LinearModel {
  const counts = new Map<string, number>();
  for (const example of examples) {
    for (const feature of new Set(example.features)) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  }
  const kept = [...counts.entries()]
    .filter(([, count]) => count >= options.minCount)
    .map(([feature]) => feature)
    .sort();
  const classes = MESSAGE_LABELS.length;
  const model: LinearModel = {
    version: 1,
    labels: [...MESSAGE_LABELS],
    training: { ...options, examples: examples.length },
    bias: new Array<number>(classes).fill(0),
    weights: Object.fromEntries(kept.map((feature) => [feature, new Array<number>(classes).fill(0)])),
  };
  const perClass = MESSAGE_LABELS.map(
    (label) => examples.filter((example) => example.label === label).length,
  );
  const classWeight = (target: number) =>
    options.balanceClasses ? examples.length / (classes * Math.max(1, perClass[target] ?? 0)) : 1;
  const prepared = examples.map((example) => {
    const target = MESSAGE_LABELS.indexOf(example.label);
    return {
      features: [...new Set(example.features)].filter((feature) => model.weights[feature]),
      target,
      weight: classWeight(target),
    };
  });
  const random = seededRandom(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    const rate = options.learningRate / (1 + epoch * 0.05);
    for (const { features, target, weight } of shuffle(prepared, random)) {
      const probabilities = softmax(logits(model, features));
      for (let label = 0; label < classes; label += 1) {
        const gradient = weight * ((probabilities[label] ?? 0) - (label === target ? 1 : 0));
        model.bias[label] = (model.bias[label] ?? 0) - rate * gradient;
        for (const feature of features) {
          const weights = model.weights[feature];
          if (!weights) continue;
          const weight = weights[label] ?? 0;
          weights[label] = weight - rate * (gradient + options.l2 * weight);
        }
      }
    }
  }
  model.bias = model.bias.map(round);
  for (const weights of Object.values(model.weights)) {
    for (let label = 0; label < classes; label += 1) weights[label] = round(weights[label] ?? 0);
  }
  return model;
}
