import { describe, expect, it } from 'vitest';
import { rankEntries, selectWithinBudget } from '../../../src/domain/drafts/select-entries.js';
import { entry } from './deal-fixtures.js';

describe('rankEntries / selectWithinBudget', () => {
  const entries = [
    entry(1, 'driver', 'old unconfirmed', { saidOn: '2025-01-01', priority: 'low' }),
    entry(2, 'driver', 'confirmed quoted high', {
      saidOn: '2025-06-01',
      status: 'confirmed',
      quote: 'ouch',
      priority: 'high',
    }),
    entry(3, 'proposal', 'our idea', { saidOn: '2026-01-01', priority: 'high' }),
    entry(4, 'constraint', 'recent medium', { saidOn: '2026-01-02' }),
    entry(5, 'driver', 'archived', { archived: true, status: 'confirmed', quote: 'x', priority: 'high' }),
  ];

  it('puts confirmed, quoted, high-priority, recent customer entries first and proposals last', () => {
    expect(rankEntries(entries).map((e) => e.id)).toEqual([2, 4, 1, 3]);
  });

  it('keeps the most valuable entries that fit and reports the rest', () => {
    const { selected, leftOut } = selectWithinBudget(entries, () => 10, 20);
    expect(selected.map((e) => e.id)).toEqual([2, 4]);
    expect(leftOut.map((e) => e.id)).toEqual([1, 3]);
  });
});
