import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPath, MODEL_FILE, readCorpus } from '../../../src/cli/corpus-files.js';
import { createMessageClassifier } from '../../../src/domain/classifier/classify.js';
import { evaluate } from '../../../src/domain/classifier/evaluate.js';
import { extractFeatures, featureNames } from '../../../src/domain/classifier/features.js';
import { CORPUS_SPLITS, parseCorpus } from '../../../src/domain/classifier/labelled-set.js';
import { DEFAULT_TRAINING, trainLinearModel } from '../../../src/domain/classifier/train.js';
import { createWinkAnalyzer } from '../../../src/nlp/wink-analyzer.js';

const analyze = createWinkAnalyzer();
const classify = createMessageClassifier(analyze);

describe('labelled corpus', () => {
  it('holds at least 600 messages in four classes, no message in two splits', () => {
    const all = CORPUS_SPLITS.flatMap((split) => readCorpus(split).map((message) => ({ ...message, split })));
    expect(all.length).toBeGreaterThanOrEqual(600);
    expect(new Set(all.map((message) => message.label)).size).toBe(4);
    const seen = new Map<string, string>();
    for (const message of all) {
      const key = message.text.toLowerCase();
      expect(seen.get(key), message.text).toBeUndefined();
      seen.set(key, message.split);
    }
  });

  it('names the bad line of a broken corpus file', () => {
    expect(() => parseCorpus('{"label":"neutral","text":"ok"}\n{"label":"pitch","text":"x"}')).toThrow(
      /line 2/,
    );
  });
});

describe('listening classifier on the frozen splits (issue 13 targets)', () => {
  it.each(['test', 'adversarial'] as const)(
    'the %s split: prescribing and customer words P >= 0.90, R >= 0.85',
    (split) => {
      const evaluation = evaluate(readCorpus(split), classify);
      for (const label of ['prescribing', 'customer_words'] as const) {
        const row = evaluation.perClass.find((metrics) => metrics.label === label);
        expect(row?.precision, `${split} ${label} precision`).toBeGreaterThanOrEqual(0.9);
        expect(row?.recall, `${split} ${label} recall`).toBeGreaterThanOrEqual(0.85);
      }
    },
  );

  it('never reads a diagnosing message of the frozen splits as a pitch more than once in 40', () => {
    const diagnosing = ['test', 'adversarial', 'adversarial-blind', 'customer-words-blind'].flatMap((split) =>
      readCorpus(split as 'test').filter((message) => message.label === 'diagnosing'),
    );
    const pitched = diagnosing.filter((message) => classify(message.text).label === 'prescribing');
    expect(pitched.length / diagnosing.length).toBeLessThan(1 / 40);
  });
});

describe('training', () => {
  it('reproduces the committed model from the train split and the fixed seed', () => {
    const examples = readCorpus('train').map((message) => ({
      label: message.label,
      features: featureNames(extractFeatures(message.text, analyze)),
    }));
    const model = trainLinearModel(examples, { ...DEFAULT_TRAINING, corpus: 'data/corpus/train.jsonl' });
    expect(`${JSON.stringify(model)}\n`).toBe(readFileSync(MODEL_FILE, 'utf8'));
    expect(corpusPath('train')).toMatch(/data\/corpus\/train\.jsonl$/);
  });
});
