import { describe, expect, it } from 'vitest';
import { gapQuestions, MAX_QUESTIONS } from '../../../src/domain/drafts/gaps.js';
import { listeningCheck, proposalsBeforeAnyDriver } from '../../../src/domain/drafts/listening-check.js';
import { DANA, earlyDeal, entry, nordfreight, stakeholder } from './deal-fixtures.js';

describe('gapQuestions', () => {
  it('asks to confirm a driver nobody confirmed, to name an owner for an unowned constraint, and about silent people', () => {
    const { entries, stakeholders } = nordfreight();
    const questions = gapQuestions(entries, stakeholders);
    expect(questions).toContainEqual({
      spin: 'problem',
      text: 'We understood "Carrier invoices are reconciled by hand". Is that how you see it, and who feels it most?',
      entryIds: [3],
    });
    expect(questions).toContainEqual({
      spin: 'situation',
      text: 'Who on your side owns "No new spend before the March freeze", and who can tell us more about it?',
      entryIds: [6],
    });
    expect(questions.some((q) => q.text.includes('Priya Shah'))).toBe(true);
    // A dated success factor under a spend freeze is a tension, asked first.
    expect(questions[0]).toEqual({
      spin: 'implication',
      text: '95% on-time delivery by Q3, and no new spend before the March freeze: what must happen before then for both to hold, and what would slipping cost?',
      entryIds: [5, 6],
    });
    // The cost of inaction is asked even though a risk is logged (a risk of acting is not the cost of waiting).
    expect(questions).toContainEqual({
      spin: 'implication',
      text: 'What if "Cross-border shipments lose three days" is still unsolved a year from now?',
      entryIds: [2],
    });
    // an economic buyer exists: no question about who signs off
    expect(questions.some((q) => q.text.includes('signs off on the budget'))).toBe(false);
  });

  it('turns missing success factors, risks, constraints and economic buyer into SPIN questions', () => {
    const { entries, stakeholders } = earlyDeal();
    const questions = gapQuestions(entries, stakeholders);
    expect(questions.map((q) => q.spin)).toEqual([
      'implication',
      'problem',
      'need_payoff',
      'situation',
      'situation',
      'situation',
    ]);
    expect(questions[0]?.text).toBe('What if "Reporting takes too long" is still unsolved a year from now?');
    expect(questions[2]).toMatchObject({ entryIds: [11] });
    expect(questions[4]?.text).toBe('Who else weighs in on this decision, and who signs off on the budget?');
    expect(questions[5]?.text).toBe('What does Sam Ortiz see as the most pressing issue here?');
  });

  it('asks situation and problem questions when no driver is known, and never more than the cap', () => {
    const none = gapQuestions([], []);
    expect(none.slice(0, 2).map((q) => q.spin)).toEqual(['situation', 'problem']);
    const many = Array.from({ length: 30 }, (_, i) => entry(100 + i, 'constraint', `Constraint ${i}`));
    const people = Array.from({ length: 10 }, (_, i) => stakeholder(50 + i, `Person ${i}`));
    expect(gapQuestions(many, people).length).toBeLessThanOrEqual(MAX_QUESTIONS);
  });
});

describe('listeningCheck', () => {
  it('flags proposals before any driver, our-words items, unconfirmed items and silent stakeholders', () => {
    const { entries, stakeholders } = nordfreight();
    const items = listeningCheck(entries, stakeholders);
    expect(items.map((i) => [i.kind, i.entryIds, i.stakeholderId])).toEqual([
      ['proposal_before_driver', [1], null],
      ['our_words', [3], null],
      ['unconfirmed', [3, 6], null],
      ['silent_stakeholder', [], 3],
    ]);
    expect(items[3]?.text).toBe('We have not heard from Priya Shah (Technical evaluator) yet.');
  });

  it('does not flag a proposal logged after the first driver', () => {
    const later = [
      entry(1, 'driver', 'Pain', {
        saidOn: '2026-01-01',
        quote: 'it hurts',
        status: 'confirmed',
        stakeholderId: 1,
      }),
      entry(2, 'proposal', 'Our idea', { saidOn: '2026-01-02' }),
    ];
    expect(proposalsBeforeAnyDriver(later)).toEqual([]);
    expect(listeningCheck(later, [DANA])).toEqual([]);
  });
});
