import { describe, expect, it } from 'vitest';
import { isSupportedBy, sourceVocabulary } from '../../../src/domain/recap/support.js';

const SOURCE = sourceVocabulary(
  [
    'Dana: We lose three days on every cross-border shipment, and our customers complain.',
    'Dana: Nothing new gets signed before the March freeze.',
    'Sam: I have to pick a pilot region by December 15.',
  ].join('\n'),
);

describe('is a model-written line supported by the meeting text', () => {
  it.each([
    'Cross-border shipments lose three days',
    'Customers complain about shipment delays',
    'No new spending before the March freeze',
    'Pick a pilot region by December 15',
  ])('keeps a paraphrase: %s', (line) => {
    expect(isSupportedBy(line, SOURCE)).toBe(true);
  });

  it.each([
    'They love our product',
    'Customer agreed to a five-year enterprise contract',
    'Budget of 500,000 approved by the board',
    'Migrate the warehouse software to our cloud',
  ])('drops a line the text does not say: %s', (line) => {
    expect(isSupportedBy(line, SOURCE)).toBe(false);
  });
});
