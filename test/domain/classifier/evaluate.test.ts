import { describe, expect, it } from 'vitest';
import {
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
    { text: '3:neutral', label: 'prescribing' },
    { text: '4:prescribing', label: 'neutral' },
    { text: '5:diagnosing', label: 'diagnosing' },
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
      diagnosing: 0,
      customer_words: 0,
      neutral: 1,
    });
    expect(evaluation.confusion.neutral.prescribing).toBe(1);
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
    expect(markdown).toContain(
      '| expected \\ predicted | prescribing | diagnosing | customer_words | neutral |',
    );
    expect(markdown).toContain('accuracy 0.60');
  });
});
