import { describe, expect, it } from 'vitest';
import {
  type ClassifierRefiner,
  classifyWithRefiner,
  evaluate,
  formatEvaluationMarkdown,
  type MessageLabel,
} from '../../../src/domain/classifier/index.js';

describe('evaluate', () => {
  // A fake classifier that reads the expected label from the text, so the counts are known by construction.
  const fake = (text: string) => ({ label: text.split(':')[1] as MessageLabel });
  const labelled: { text: string; label: MessageLabel }[] = [
    { text: '1:prescribing', label: 'prescribing' },
    { text: '2:prescribing', label: 'prescribing' },
    { text: '3:other', label: 'prescribing' },
    { text: '4:prescribing', label: 'other' },
    { text: '5:question', label: 'question' },
  ];

  it('computes per-class precision, recall and F1 and the confusion matrix', () => {
    const evaluation = evaluate(labelled, fake);
    const prescribing = evaluation.perClass.find((row) => row.label === 'prescribing');
    expect(prescribing).toMatchObject({ support: 3, predicted: 3 });
    expect(prescribing?.precision).toBeCloseTo(2 / 3);
    expect(prescribing?.recall).toBeCloseTo(2 / 3);
    expect(prescribing?.f1).toBeCloseTo(2 / 3);
    expect(evaluation.confusion.prescribing).toEqual({
      prescribing: 2,
      customer_words: 0,
      question: 0,
      other: 1,
    });
    expect(evaluation.confusion.other.prescribing).toBe(1);
    expect(evaluation.accuracy).toBeCloseTo(3 / 5);
    expect(evaluation.errors).toHaveLength(2);
  });

  it('reports zero, not NaN, for a class never predicted nor present', () => {
    const words = evaluate(labelled, fake).perClass.find((row) => row.label === 'customer_words');
    expect(words).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });

  it('formats markdown tables for the README', () => {
    const markdown = formatEvaluationMarkdown('demo', evaluate(labelled, fake));
    expect(markdown).toContain('| prescribing | 3 | 0.67 | 0.67 | 0.67 |');
    expect(markdown).toContain('| expected \\ predicted | prescribing | customer_words | question | other |');
    expect(markdown).toContain('accuracy 0.60');
  });
});

describe('classifyWithRefiner', () => {
  it('returns the offline result without a refiner', async () => {
    expect((await classifyWithRefiner('let me show you a demo')).label).toBe('prescribing');
  });

  it('passes the offline result to the refiner and returns its answer', async () => {
    const refiner: ClassifierRefiner = async (_text, offline) => ({
      ...offline,
      label: 'other',
      reasons: ['llm'],
    });
    expect(await classifyWithRefiner('let me show you a demo', refiner)).toMatchObject({ label: 'other' });
  });

  it('keeps the offline result when the refiner fails or answers out of range', async () => {
    const failing: ClassifierRefiner = async () => {
      throw new Error('timeout');
    };
    const broken: ClassifierRefiner = async (_text, offline) => ({
      ...offline,
      label: 'other',
      confidence: 7,
    });
    expect((await classifyWithRefiner('let me show you a demo', failing)).label).toBe('prescribing');
    expect((await classifyWithRefiner('let me show you a demo', broken)).label).toBe('prescribing');
  });
});
