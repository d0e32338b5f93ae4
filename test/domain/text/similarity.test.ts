import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance } from '../../../src/domain/text/similarity.js';

describe('editDistance', () => {
  it.each([
    ['help', 'help', 0],
    ['hlep', 'help', 1],
    ['drvier', 'driver', 1],
    ['draft', 'drift', 1],
    ['', 'log', 3],
    ['setup', 'list', 5],
  ])('%s -> %s = %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
  });
});

describe('closestMatch', () => {
  const names = ['help', 'setup', 'driver', 'decision', 'decisions', 'draft', 'list', 'log'];
  it('suggests the closest command for a typo', () => {
    expect(closestMatch('hlep', names)).toBe('help');
    expect(closestMatch('drvier', names)).toBe('driver');
    expect(closestMatch('SETPU', names)).toBe('setup');
  });
  it('completes an unambiguous prefix', () => {
    expect(closestMatch('dra', names)).toBe('draft');
  });
  it('suggests nothing for unrelated words', () => {
    expect(closestMatch('banana', names)).toBeNull();
    expect(closestMatch('', names)).toBeNull();
  });
});
