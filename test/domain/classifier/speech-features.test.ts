import { describe, expect, it } from 'vitest';
import { extractFeatures, featureNames } from '../../../src/domain/classifier/features.js';
import { pairSingleQuotes } from '../../../src/domain/classifier/speech-features.js';
import { createWinkAnalyzer } from '../../../src/nlp/wink-analyzer.js';

const analyze = createWinkAnalyzer();
const featuresOf = (text: string) => featureNames(extractFeatures(text, analyze));

describe('single quotation marks read as quotes', () => {
  it.each([
    ["Ana: 'we close the books in 9 days'", 'Ana: "we close the books in 9 days"'],
    ["from the call -> 'nobody owns the data'", 'from the call -> "nobody owns the data"'],
    ["'I'm not signing that' - their CFO", '"I\'m not signing that" - their CFO'],
  ])('%s', (line, expected) => {
    expect(pairSingleQuotes(line)).toBe(expected);
  });

  it('leaves apostrophes and possessives alone', () => {
    for (const line of ["they don't trust the reps' numbers", "it's Dana's call, isn't it"]) {
      expect(pairSingleQuotes(line)).toBe(line);
    }
  });
});

describe('who is speaking', () => {
  it.each([
    ['their head of ops says the yard is full by 10am', '<role_said>'],
    ['the board wants a plan before the AGM', '<role_wants>'],
    ['they are worried the auditors will come back', '<they_feel>'],
    ['mentioned that the plant shuts for two weeks in August', '<bare_reported>'],
    ['heard back from Ola: the freeze covers hardware too', '<heard_from>'],
    ['seems like the COO has already picked a vendor', '<hearsay>'],
    ['according to Ravi the scanners fail in the cold', '<according_to>'],
    ['quick one from the workshop -> nobody trusts the stock counts', '<lead_in_colon>'],
    ['the stock counts are wrong every Monday (Ola)', '<paren_attribution>'],
    ['Ana: "our planners quit because of the overtime"', '<quoted_we>'],
  ])('%s -> %s', (text, feature) => {
    expect(featuresOf(text)).toContain(feature);
  });

  it('our own side and questions are not the customer speaking', () => {
    expect(featuresOf('our CFO says the terms are fine')).not.toContain('<role_said>');
    expect(featuresOf('did the board say what they want?')).not.toContain('<role_wants>');
    expect(featuresOf('find out what the CFO wants from the pilot')).not.toContain('<role_wants>');
    expect(featuresOf('I want to hear from the planners directly')).not.toContain('<heard_from>');
    expect(featuresOf('we will demo our platform to the ops team')).not.toContain('<quoted_we>');
  });

  it('a pitch is a selling verb whose object is what we offer, not a verb before another verb', () => {
    expect(featuresOf('demo the analytics module on Friday')).toContain('<pitch_clause>');
    expect(featuresOf('recommend we all block an hour for the proposal review')).not.toContain(
      '<pitch_clause>',
    );
  });
});
