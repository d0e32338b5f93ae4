import { describe, expect, it } from 'vitest';
import {
  decisionInputSchema,
  decisionOutcomeSchema,
  dueDateProblem,
  isOverdue,
  keepOwnEntryIds,
  sortOpenDecisions,
} from '../../src/domain/decision-input.js';

describe('decision input', () => {
  const valid = {
    title: 'Pick a pilot region',
    customerOwnerId: null,
    customerOwnerName: 'Dana Lee',
    ourOwnerUserId: 'U0REP',
    dueDate: '2030-12-15',
    relatedEntryIds: [1, 2],
  };

  it('accepts a complete decision and trims the title', () => {
    expect(decisionInputSchema.parse({ ...valid, title: '  Pick a pilot region ' }).title).toBe(
      'Pick a pilot region',
    );
  });

  it('refuses a too short title, a malformed date and too many related entries', () => {
    expect(decisionInputSchema.safeParse({ ...valid, title: 'x' }).success).toBe(false);
    expect(decisionInputSchema.safeParse({ ...valid, dueDate: '15/12/2030' }).success).toBe(false);
    const many = Array.from({ length: 21 }, (_, i) => i + 1);
    expect(decisionInputSchema.safeParse({ ...valid, relatedEntryIds: many }).success).toBe(false);
  });

  it('due dates: today is fine, the past is not, an unchanged overdue date may stay', () => {
    expect(dueDateProblem('2030-01-10', '2030-01-10')).toBeNull();
    expect(dueDateProblem(null, '2030-01-10')).toBeNull();
    expect(dueDateProblem('2030-01-09', '2030-01-10')).toMatch(/past/);
    expect(dueDateProblem('2030-01-09', '2030-01-10', '2030-01-09')).toBeNull();
    expect(dueDateProblem('2030-01-08', '2030-01-10', '2030-01-09')).toMatch(/past/);
  });

  it('overdue means open with a due date before today', () => {
    expect(isOverdue({ status: 'open', dueDate: '2030-01-09' }, '2030-01-10')).toBe(true);
    expect(isOverdue({ status: 'open', dueDate: '2030-01-10' }, '2030-01-10')).toBe(false);
    expect(isOverdue({ status: 'decided', dueDate: '2030-01-01' }, '2030-01-10')).toBe(false);
    expect(isOverdue({ status: 'open', dueDate: null }, '2030-01-10')).toBe(false);
  });

  it('keeps only the deal own entry ids, once each', () => {
    expect(keepOwnEntryIds([3, 99, 3, 4], [1, 3, 4])).toEqual([3, 4]);
  });

  it('sorts open decisions by due date with undated ones last', () => {
    const sorted = sortOpenDecisions([
      { id: 1, dueDate: null },
      { id: 2, dueDate: '2030-02-01' },
      { id: 3, dueDate: '2030-01-01' },
      { id: 4, dueDate: '2030-01-01' },
    ]);
    expect(sorted.map((d) => d.id)).toEqual([3, 4, 2, 1]);
  });

  it('an outcome is required and bounded', () => {
    expect(decisionOutcomeSchema.safeParse(' ').success).toBe(false);
    expect(decisionOutcomeSchema.parse(' Pilot in Rotterdam ')).toBe('Pilot in Rotterdam');
    expect(decisionOutcomeSchema.safeParse('x'.repeat(1001)).success).toBe(false);
  });
});
