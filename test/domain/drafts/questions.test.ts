import { describe, expect, it } from 'vitest';
import type { CandidateQuestion } from '../../../src/domain/drafts/citations.js';
import { gapQuestions } from '../../../src/domain/drafts/gaps.js';
import { mergeQuestions, questionKey } from '../../../src/domain/drafts/questions.js';
import { nordfreight } from './deal-fixtures.js';

const q = (text: string, spin: CandidateQuestion['spin'] = 'problem', entryIds: number[] = []) => ({
  text,
  spin,
  entryIds,
});

describe('mergeQuestions', () => {
  it('keeps the model questions first and adds the gap questions it did not ask', () => {
    const model = [q('What does a lost day cost you per shipment?', 'implication', [2])];
    const gaps = [q('Who on your side owns the budget freeze?', 'situation', [6])];
    expect(mergeQuestions(model, gaps)).toEqual([...model, ...gaps]);
  });

  it('drops a gap question worded like a model question (case, quotes and punctuation ignored)', () => {
    const model = [q('What made this a priority for you now?')];
    const gaps = [q('what made “this” a priority for you, now', 'situation')];
    expect(mergeQuestions(model, gaps)).toEqual(model);
    expect(questionKey('  What’s next?! ')).toBe(questionKey('whats next'));
  });

  it('drops a gap question about the same entries with the same SPIN kind, keeps other kinds', () => {
    const model = [q('Is the three-day delay how you see it?', 'problem', [2])];
    const gaps = [
      q('We understood "Cross-border shipments lose three days". Is that how you see it?', 'problem', [2]),
      q('What happens if the delay is still unsolved a year from now?', 'implication', [2]),
    ];
    expect(mergeQuestions(model, gaps).map((x) => x.spin)).toEqual(['problem', 'implication']);
  });

  it('caps the list (11-14 discovery questions is the research sweet spot)', () => {
    const model = Array.from({ length: 10 }, (_, i) => q(`Model question ${i}?`));
    const deal = nordfreight();
    const merged = mergeQuestions(model, gapQuestions(deal.entries, deal.stakeholders));
    expect(merged).toHaveLength(12);
    expect(merged.slice(0, 10)).toEqual(model);
  });
});
