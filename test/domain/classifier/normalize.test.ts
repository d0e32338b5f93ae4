import { describe, expect, it } from 'vitest';
import { normalizeSlackText, splitSentences } from '../../../src/domain/classifier/normalize.js';

describe('normalizeSlackText', () => {
  it('unescapes &gt; &lt; &amp; so Slack quotes start with ">"', () => {
    const { lines } = normalizeSlackText('&gt; we need SSO &amp; SCIM\nsee &lt;draft&gt;');
    expect(lines).toEqual(['> we need SSO & SCIM', 'see <draft>']);
  });

  it('turns mentions, channels, special mentions and links into readable words', () => {
    const { text } = normalizeSlackText(
      '<@U123> <@U456|dana> <#C1|deal-acme> <!here> <https://a.io/x|the MAP> <https://b.io>',
    );
    expect(text).toBe('@someone @dana #deal-acme @here the MAP (link)');
  });

  it('drops URLs so their "?" never looks like a question', () => {
    expect(normalizeSlackText('Recording: https://gong.io/call?id=1').text).toBe('Recording: (link)');
  });

  it('straightens smart quotes and apostrophes', () => {
    expect(normalizeSlackText('they said “we can’t”').text).toBe('they said "we can\'t"');
  });

  it('removes code blocks and inline code and says so', () => {
    const normalized = normalizeSlackText('before ```\nour platform can\n``` mid `you should` after');
    expect(normalized.text).not.toMatch(/platform|should/);
    expect(normalized.hadCode).toBe(true);
  });

  it('removes emoji codes and bold/italic/strike markers', () => {
    expect(normalizeSlackText(':tada: *our platform* _can_ ~not~').text).toBe('our platform can not');
  });
});

describe('splitSentences', () => {
  it('splits on line breaks and sentence punctuation', () => {
    expect(splitSentences('Our tool is great. Thoughts?\nnext line')).toEqual([
      'Our tool is great.',
      'Thoughts?',
      'next line',
    ]);
  });
});
