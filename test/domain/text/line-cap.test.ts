import { describe, expect, it } from 'vitest';
import { capLineLength } from '../../../src/domain/text/line-cap.js';

describe('capLineLength', () => {
  it('leaves short text alone', () => {
    expect(capLineLength('Dana: hi\nSam: hello', 20)).toBe('Dana: hi\nSam: hello');
  });

  it('breaks long lines at a space, keeping every word in order', () => {
    const line = 'alpha beta gamma delta epsilon';
    const capped = capLineLength(`${line}\nshort`, 12);
    expect(capped.split('\n').every((l) => l.length <= 12)).toBe(true);
    expect(capped.replace(/\n/g, ' ')).toBe(`${line} short`);
  });

  it('cuts a line with no space hard, losing nothing', () => {
    const capped = capLineLength('x'.repeat(25), 10);
    expect(capped.split('\n').map((l) => l.length)).toEqual([10, 10, 5]);
  });
});
