import { describe, expect, it } from 'vitest';
import { classifyMessage } from '../../../src/domain/classifier/index.js';

const labelOf = (text: string) => classifyMessage(text).label;

describe('classifyMessage: prescribing', () => {
  it.each([
    'Our platform can cut their freight spend by 20%',
    'let me show you a demo of the dispatch board',
    'You should consolidate onto one tool',
    'We should pitch the analytics add-on on Thursday',
    "I'd recommend the pro tier for them",
    'Happy to offer a 15% discount if they sign this month',
    'Have you considered our platform? It replaces three tools',
  ])('flags "%s"', (text) => {
    const result = classifyMessage(text);
    expect(result.label).toBe('prescribing');
    expect(result.reasons.some((reason) => reason.startsWith('matched prescribing phrase'))).toBe(true);
    expect(result.quote).toBeNull();
  });

  it('names the phrase it matched in its reasons', () => {
    expect(classifyMessage('honestly our platform can do all of this').reasons[0]).toContain(
      '"our platform can"',
    );
  });

  it('reads a ">" quote introduced as our draft as our pitch, not the customer', () => {
    const result = classifyMessage('Draft for the email:\n&gt; Our solution will cut your delays in half');
    expect(result.label).toBe('prescribing');
  });
});

describe('classifyMessage: negations and reactions are not prescribing', () => {
  it.each([
    "we shouldn't pitch yet",
    "Let's not talk pricing until we've heard from finance",
    'Hold off on the demo until we understand their process',
    'our platform can’t do real-time tracking, FYI',
  ])('"%s" is other', (text) => {
    expect(labelOf(text)).toBe('other');
  });

  it('explains a held-back prescription', () => {
    expect(classifyMessage("we shouldn't pitch yet").reasons.join(' ')).toContain('listening first');
  });

  it.each(['they asked for a demo', 'they pushed back on price'])(
    '"%s" reports a reaction, neither pitch nor words',
    (text) => {
      const result = classifyMessage(text);
      expect(result.label).toBe('other');
      expect(result.reasons.join(' ')).toContain('customer reaction');
    },
  );
});

describe('classifyMessage: customer words', () => {
  it('wins over prescribing words inside the quote', () => {
    const result = classifyMessage("customer said our platform can't do multi-currency");
    expect(result).toMatchObject({ label: 'customer_words', quote: "our platform can't do multi-currency" });
  });

  it('wins over a question in the same message', () => {
    expect(labelOf('they said “we need SSO by March” - do we support SCIM too?')).toBe('customer_words');
  });

  it('skips small talk and scheduling even when quoted', () => {
    expect(labelOf('they said yes')).toBe('other');
    expect(labelOf('she said thanks and will circle back')).toBe('other');
  });

  it.each([
    ['&gt; we have a hard freeze on new vendors until April', 'constraint'],
    ['Dana: if this fails, my team takes the blame', 'risk'],
    ['they said success is 95% on-time delivery by Q3', 'success_factor'],
    ['their COO said they are planning to consolidate carriers in 2027', 'initiative'],
    ['she said “we lose three days chasing carriers on every shipment”', 'driver'],
  ])('suggests a kind for "%s"', (text, kind) => {
    const result = classifyMessage(text);
    expect(result.label).toBe('customer_words');
    expect(result.suggestedKind).toBe(kind);
    expect(result.reasons.join(' ')).toContain(`suggested ${kind}`);
  });

  it('suggests no kind when no keyword says which one', () => {
    expect(classifyMessage('Ravi said “the blue screen is the one we open first”').suggestedKind).toBeNull();
  });
});

describe('classifyMessage: questions', () => {
  it.each([
    "what's their budget?",
    'do we know who signs?',
    '<@U02VISION> what are their constraints?',
    '<@U02VISION> what are their constraints',
    'has legal reviewed the redlines yet? :eyes:',
  ])('"%s" is a question', (text) => {
    expect(labelOf(text)).toBe('question');
  });

  it('keeps a should-we question to the team a question, noting the pitch words', () => {
    const result = classifyMessage('should we offer them 15% off to close this quarter?');
    expect(result.label).toBe('question');
    expect(result.reasons.join(' ')).toContain('inside a question to the team');
  });

  it('does not take a "?" inside a link for a question', () => {
    expect(labelOf('Recording: <https://gong.io/call?id=123|Gong link>')).toBe('other');
  });

  it('does not take "What they need is..." for a question', () => {
    expect(labelOf('What they need is the enterprise plan')).toBe('prescribing');
  });
});

describe('classifyMessage: Slack text', () => {
  it('ignores prescribing words inside code', () => {
    const result = classifyMessage(
      '```\nour platform can do X\nyou should buy Y\n```\nthe template marketing sent',
    );
    expect(result.label).toBe('other');
    expect(result.reasons).toContain('ignored text inside code');
  });

  it('reads smart quotes, mentions and formatting', () => {
    const result = classifyMessage('<@U01ABC> FYI *their CFO* said “no new spend before March”');
    expect(result).toMatchObject({ label: 'customer_words', quote: 'no new spend before March' });
  });

  it('always returns a confidence within 0..1 and at least one reason', () => {
    for (const text of [
      '',
      'ok',
      '?',
      '&gt;',
      'they said',
      'Our platform can. Our platform can. Our platform can.',
    ]) {
      const result = classifyMessage(text);
      expect(result.confidence).toBeGreaterThanOrEqual(0);
      expect(result.confidence).toBeLessThanOrEqual(1);
      expect(result.reasons.length).toBeGreaterThan(0);
    }
  });
});
