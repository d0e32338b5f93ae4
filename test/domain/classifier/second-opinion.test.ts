import { describe, expect, it } from 'vitest';
import {
  groundedWords,
  isUnsure,
  usageDay,
  withModelJudgement,
} from '../../../src/domain/classifier/second-opinion.js';
import type { ClassifierResult } from '../../../src/domain/classifier/types.js';

const local: ClassifierResult = {
  label: 'neutral',
  confidence: 0.52,
  reasons: ['read as neutral (0.52)'],
  topWords: [],
  evidence: null,
  quote: null,
  suggestedKind: null,
};

describe('second opinion (pure parts)', () => {
  it('the unsure band is [0, 0.90)', () => {
    expect(isUnsure({ confidence: 0.89 })).toBe(true);
    expect(isUnsure({ confidence: 0.25 })).toBe(true);
    expect(isUnsure({ confidence: 0.9 })).toBe(false);
    expect(isUnsure({ confidence: 1 })).toBe(false);
  });

  it('counts by UTC day whatever the clock zone', () => {
    expect(usageDay(new Date('2026-11-20T23:59:59.999Z'))).toBe('2026-11-20');
    expect(usageDay(new Date('2026-11-21T00:00:00.000Z'))).toBe('2026-11-21');
  });

  it('keeps only quoted words that are in the message', () => {
    expect(
      groundedWords('Sent them the  Northwind case study', ['northwind case study', 'our pricing', 'x']),
    ).toEqual(['northwind case study']);
  });

  it('a relayed quote read by the model becomes a capture with its quote and kind', () => {
    const text = 'per Priya they need 95% on time by Q3';
    const result = withModelJudgement(
      local,
      { label: 'customer_words', confidence: 0.88, quotedWords: ['per Priya', '95% on time by Q3'] },
      text,
    );
    expect(result).toMatchObject({ label: 'customer_words', confidence: 0.88 });
    expect(result?.quote).toContain('95% on time by Q3');
    expect(result?.reasons[0]).toContain('the model read customer words (0.88)');
  });

  it('refuses a confidence outside 0..1', () => {
    expect(
      withModelJudgement(local, { label: 'prescribing', confidence: 3, quotedWords: [] }, 'demo it'),
    ).toBeNull();
  });
});
