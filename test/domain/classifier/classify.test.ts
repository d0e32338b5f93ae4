import { describe, expect, it } from 'vitest';
import { classifyMessage, createMessageClassifier } from '../../../src/domain/classifier/index.js';
import type { LinearModel } from '../../../src/domain/classifier/model.js';
import { MESSAGE_LABELS } from '../../../src/domain/classifier/types.js';
import { createWinkAnalyzer } from '../../../src/nlp/wink-analyzer.js';

const analyze = createWinkAnalyzer();
const classify = createMessageClassifier(analyze);
const labelOf = (text: string) => classify(text).label;

describe('classifyMessage: pitching the way reps write it (issue 13 examples)', () => {
  it.each([
    "I'll demo the workflow builder on the intro call, skip the discovery stuff",
    'told Mark he should replace their spreadsheet process with our scheduler asap',
    'plan for tmrw: 10 min company overview, then straight into product tour',
    'sent them the case study from Northwind, same use case basically',
    "they'll want premium, no point showing standard",
    'Our platform can fix that for them, let me show you a demo on Friday.',
  ])('"%s" is prescribing', (text) => {
    expect(labelOf(text)).toBe('prescribing');
  });

  it.each([
    'from the call: &quot;our reps spend half of Monday updating the forecast&quot;'.replace(/&quot;/g, '"'),
    'per Priya they need 95% on time by Q3',
    'Priya flagged the union contract',
    '&gt; we cannot hire anyone until the freeze lifts in April',
  ])('"%s" is customer words, with the quote to log', (text) => {
    const result = classify(text);
    expect(result.label).toBe('customer_words');
    expect(result.quote).toBeTruthy();
  });
});

describe('classifyMessage: never a pitch when the rep is listening', () => {
  it.each([
    ["i'd recommend we ask Dana about the freeze first", 'diagnosing'],
    ["let's lead with questions about the freeze", 'diagnosing'],
    ['How do you handle pricing with your carriers today?', 'diagnosing'],
    ['you should see the size of their backlog lol', 'neutral'],
    ["We won't demo today", 'neutral'],
    ["don't pitch, just listen, that's the whole plan for Monday", 'neutral'],
    ['they said thanks for the call', 'neutral'],
  ])('"%s" is %s', (text, expected) => {
    expect(labelOf(text)).toBe(expected);
  });

  it('explains a held-back pitch when the model alone would call it pitching', () => {
    // The trained model now reads this as neutral by itself; a model that weighs any selling verb, negated or
    // not, as pitching shows the override and its reason.
    const text = "don't pitch, just listen — that's the whole plan for Monday";
    expect(classify(text).label).toBe('neutral');
    const pitchy: LinearModel = {
      version: 1,
      labels: [...MESSAGE_LABELS],
      training: { corpus: 'test', examples: 0, seed: 1, epochs: 0, learningRate: 0, l2: 0, minCount: 0 },
      bias: [0, 0, 0, 0.5],
      weights: { 'not_<sell_verb>': [2, 0, 0, 0], '<negated>': [0, 0, 0, 0.2] },
    };
    const result = classifyMessage(text, analyze, pitchy);
    expect(result.label).toBe('neutral');
    expect(result.reasons.join(' ')).toContain('held back');
    expect(
      classifyMessage('pitch the scheduler, just listen', analyze, pitchy).reasons.join(' '),
    ).not.toContain('held back');
  });
});

describe('classifyMessage: why', () => {
  it('returns a confidence, the words that weighed most and the stretch that carried the label', () => {
    const result = classify("I'll demo the workflow builder on the intro call, skip the discovery stuff");
    expect(result.confidence).toBeGreaterThan(0.5);
    expect(result.confidence).toBeLessThanOrEqual(1);
    expect(result.topWords).toContain('demo');
    expect(result.evidence).toContain("I'll demo the workflow builder");
    expect(result.reasons[0]).toMatch(/^read as prescribing \(0\.\d\d|1\.00\)/);
  });

  it('picks the pitching sentence out of a longer message', () => {
    const result = classify(
      'Good call today, Mark was chatty.\nSent them the pricing deck and the ROI calculator.',
    );
    expect(result.label).toBe('prescribing');
    expect(result.evidence).toContain('pricing deck');
  });

  it('is deterministic', () => {
    const text = 'gonna walk them through the analytics add-on thursday';
    expect(classify(text)).toEqual(classify(text));
  });
});

describe('classifyMessage: Slack text', () => {
  it('ignores words inside code and reads nothing from an empty message', () => {
    expect(labelOf('```we should pitch the premium tier```')).toBe('neutral');
    expect(classify('').reasons[0]).toContain('nothing to read');
  });

  it('reads mentions and links without crashing and keeps a long message fast enough to cut', () => {
    expect(labelOf('<@U123|dana> sent you the <https://x.test/deck|deck> for the enterprise tier')).toBe(
      'prescribing',
    );
    const long = `${'we talked about the weather and the roads. '.repeat(200)}I'll demo the scheduler`;
    expect(classifyMessage(long, analyze).label).toBe('neutral');
  });
});
