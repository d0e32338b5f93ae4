import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, truncate } from '../../../src/slack/views/mrkdwn.js';

describe('truncate', () => {
  it('keeps short text as it is', () => {
    expect(truncate('Q&A', 10)).toBe('Q&A');
  });

  it('never leaves half an entity: a bare & would let escaped text turn back into a mention', () => {
    const escaped = escapeMrkdwn(`${'x'.repeat(7)}<!channel>`);
    for (let max = 8; max < escaped.length; max++) {
      const cut = truncate(escaped, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
    }
  });

  it('never leaves half an emoji', () => {
    const text = 'ab🚀🚀🚀🚀🚀🚀🚀🚀';
    for (let max = 3; max < text.length; max++) {
      expect(truncate(text, max)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
  });
});
