import { describe, expect, it } from 'vitest';
import { createMessageClassifier } from '../../../src/domain/classifier/classify.js';
import { extractFeatures, featureNames } from '../../../src/domain/classifier/features.js';
import { pairSingleQuotes, withoutAttribution } from '../../../src/domain/classifier/speech-features.js';
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

describe('the quote offered for capture leaves out who relayed it', () => {
  it.each([
    ["from Ola -> 'the stock counts are wrong every Monday'", '"the stock counts are wrong every Monday"'],
    ['heard back from Ravi: finance closes each region on its own', 'finance closes each region on its own'],
    [
      'the scanners fail in the cold store every winter (Ola)',
      'the scanners fail in the cold store every winter',
    ],
  ])('%s', (text, quote) => {
    expect(withoutAttribution(pairSingleQuotes(text))).toBe(quote);
  });
});

describe('words in quotation marks attributed to someone outside our team', () => {
  const classify = createMessageClassifier(analyze);

  it('are the customer words, and the nudge says why', () => {
    const result = classify("from Ola -> 'the stock counts are wrong every Monday'");
    expect(result.label).toBe('customer_words');
    expect(result.quote).toBe('the stock counts are wrong every Monday');
    expect(result.reasons.join(' ')).toContain('attributed to someone outside our team');
  });

  it.each([
    ["my line on the call -> 'our routing engine cuts empty miles by 20%'", 'prescribing'],
    ["from Ben: 'can we push the call to 4?'", 'neutral'],
    ["Gus: 'see you on Thursday then!'", 'neutral'],
  ])('but not our own lines, questions or small talk: %s', (text, label) => {
    const result = classify(text);
    expect(result.label).toBe(label);
    expect(result.reasons.join(' ')).not.toContain('attributed to someone outside our team');
  });
});
