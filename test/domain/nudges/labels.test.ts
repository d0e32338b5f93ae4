import { describe, expect, it } from 'vitest';
import { clip, formatDays, shortDate, stallLabel } from '../../../src/domain/nudges/labels.js';

describe('labels', () => {
  it('formats day counts', () => {
    expect(formatDays(1)).toBe('1 day');
    expect(formatDays(3)).toBe('3 days');
    expect(formatDays(0)).toBe('0 days');
  });

  it('labels stall reasons', () => {
    expect(stallLabel({ reason: 'overdue', daysOverdue: 3, daysIdle: 20 })).toBe('3 days overdue');
    expect(stallLabel({ reason: 'overdue', daysOverdue: 1, daysIdle: 0 })).toBe('1 day overdue');
    expect(stallLabel({ reason: 'idle', daysOverdue: 0, daysIdle: 12 })).toBe('idle 12 days');
    expect(stallLabel({ reason: null, daysOverdue: 0, daysIdle: 2 })).toBe('');
  });

  it('shortens ISO dates', () => {
    expect(shortDate('2026-12-15')).toBe('Dec 15');
    expect(shortDate('2026-01-05')).toBe('Jan 5');
    expect(shortDate('soon')).toBe('soon');
  });

  it('clips long text on a word boundary', () => {
    expect(clip('short  text', 40)).toBe('short text');
    const clipped = clip('we lose three days on every cross-border shipment to Poland and Czechia', 41);
    expect(clipped.length).toBeLessThanOrEqual(41);
    expect(clipped).toBe('we lose three days on every cross-border…');
    expect(clip('we lose three days on every cross-border shipment', 40)).toBe(
      'we lose three days on every…',
    );
  });
});
