import { describe, expect, it } from 'vitest';
import { answerFromEntries, questionIntent } from '../../../src/domain/ask/index.js';
import type { DealFacts } from '../../../src/domain/ask/types.js';
import type { Decision } from '../../../src/domain/decisions.js';
import { DANA, entry, SAM } from '../drafts/deal-fixtures.js';

const AT = new Date('2026-02-10T09:00:00Z');

function decision(id: number, title: string, fields: Partial<Decision> = {}): Decision {
  return {
    id,
    teamId: 'T1',
    dealId: 1,
    title,
    customerOwnerId: null,
    ourOwnerUserId: null,
    dueDate: null,
    status: 'open',
    outcome: null,
    snoozedUntil: null,
    lastActivityAt: AT,
    relatedEntryIds: [],
    threadTs: null,
    createdBy: 'U1',
    createdAt: AT,
    updatedAt: AT,
    ...fields,
  };
}

const facts: DealFacts = {
  accountName: 'Nordfreight',
  stakeholders: [DANA, SAM],
  decisions: [
    decision(3, 'Pick a pilot region', { dueDate: '2026-03-15', customerOwnerId: 1 }),
    decision(4, 'Carrier shortlist', { status: 'decided' }),
  ],
  entries: [
    entry(1, 'proposal', 'Start with the routing module'),
    entry(2, 'driver', 'Cross-border shipments lose three days', {
      quote: 'we lose three days on every cross-border shipment',
      stakeholderId: 1,
      status: 'confirmed',
    }),
    entry(5, 'constraint', 'No new spend before the March freeze', { constraintCategory: 'budget' }),
    entry(6, 'constraint', 'Go-live must be before peak season', { constraintCategory: 'timing' }),
    entry(7, 'constraint', 'Legacy TMS cannot be replaced this year'),
    entry(8, 'success_factor', '95% on-time delivery by Q3', { stakeholderId: 2 }),
    entry(9, 'risk', 'Team takes the blame if it fails', { archived: true }),
  ],
};

describe('questionIntent', () => {
  it.each([
    ['what are their constraints?', ['constraints'], []],
    ['What is their budget?', ['constraints'], ['budget']],
    ['when do they want it live? any deadlines?', ['constraints'], ['timing']],
    ['why are they doing this?', ['drivers'], []],
    ['how will they measure success?', ['success_factors'], []],
    ['who signs off?', ['stakeholders'], []],
    ['what decisions are still open?', ['decisions'], []],
    ['what risks did they mention?', ['risks'], []],
    ['what do we know so far?', ['overview'], []],
  ])('%s -> %j %j', (question, topics, categories) => {
    const intent = questionIntent(question);
    expect(intent.topics).toEqual(topics);
    expect(intent.categories).toEqual(categories);
  });
});

describe('answerFromEntries', () => {
  it('answers constraints with every live constraint entry, cited by id', () => {
    const answer = answerFromEntries('what are their constraints?', facts);
    expect(answer.found).toBe(true);
    expect(answer.lines.map((l) => l.citation)).toEqual(['#5', '#6', '#7']);
    expect(answer.lines[0]?.label).toBe('Constraint (budget)');
    // Answered in full: the next deepening question is still suggested (the deal's first tension or gap).
    expect(answer.suggestedQuestion).toBe(
      answerFromEntries('what do we know so far?', facts).suggestedQuestion ?? 'missing',
    );
    expect(answer.suggestedQuestion).not.toBeNull();
    expect(answer.source).toBe('offline');
  });

  it('turns "what should we pitch?" back to diagnosis, with the drivers heard and the next question', () => {
    const answer = answerFromEntries('What should we pitch them next week?', facts);
    expect(answer.heading).toBe('Diagnose before you prescribe');
    expect(answer.text).toMatch(
      /^Diagnose before you prescribe: the customer has confirmed 1 of the 2 drivers/,
    );
    expect(answer.lines.every((l) => l.label === 'Business driver')).toBe(true);
    expect(answer.lines.some((l) => l.label === 'Our proposal')).toBe(false);
    expect(answer.suggestedQuestion).not.toBeNull();
  });

  it('narrows constraints to the category asked about, inferring it from the text when not set', () => {
    expect(answerFromEntries('what is their budget?', facts).lines.map((l) => l.citation)).toEqual(['#5']);
    expect(answerFromEntries('any technical limits?', facts).lines.map((l) => l.citation)).toEqual(['#7']);
  });

  it('answers why with drivers, keeping the quote and who said it', () => {
    const answer = answerFromEntries('Why are they looking at this?', facts);
    expect(answer.lines).toEqual([
      {
        citation: '#2',
        entryId: 2,
        label: 'Business driver',
        text: 'Cross-border shipments lose three days',
        quote: 'we lose three days on every cross-border shipment',
        saidBy: 'Dana Lee, VP Operations',
        confirmed: true,
      },
    ]);
  });

  it('says so and suggests a question when the entries do not answer', () => {
    const answer = answerFromEntries('what risks worry them?', facts);
    expect(answer.found).toBe(false);
    expect(answer.lines).toEqual([]);
    expect(answer.suggestedQuestion).toBe('What worries you most about changing how this works today?');
    const resources = answerFromEntries('do they have the headcount for this?', facts);
    expect(resources.found).toBe(false);
    expect(resources.suggestedQuestion).toContain('Who on your side would work on this');
  });

  it('answers open decisions and stakeholders, and never lists decided ones', () => {
    const decisions = answerFromEntries('what decisions are open?', facts);
    expect(decisions.lines.map((l) => [l.citation, l.label, l.saidBy])).toEqual([
      ['decision #3', 'Decision, due 2026-03-15', 'Dana Lee'],
    ]);
    const who = answerFromEntries('who is involved?', facts);
    expect(who.lines.map((l) => l.text)).toEqual(['Dana Lee, VP Operations', 'Sam Ortiz, Logistics manager']);
  });

  it('answers part of a two-part question and suggests asking about the rest', () => {
    const answer = answerFromEntries('what are their goals and risks?', facts);
    expect(answer.found).toBe(true);
    expect(answer.lines.map((l) => l.citation)).toEqual(['#2']);
    expect(answer.suggestedQuestion).toContain('worries you most');
  });

  it('falls back to matching words when no topic is named, customer entries only', () => {
    const answer = answerFromEntries('anything about shipments?', facts);
    expect(answer.lines.map((l) => l.citation)).toEqual(['#2']);
    expect(answerFromEntries('anything about the routing module?', facts).found).toBe(false);
  });

  it('gives an overview of the strongest entries per kind', () => {
    const answer = answerFromEntries('what do we know so far?', facts);
    expect(answer.lines.map((l) => l.citation)).toEqual(['#2', '#8', '#5', '#6']);
  });

  it('with no entries at all, says nothing is logged and suggests a discovery question', () => {
    const answer = answerFromEntries('why do they care?', { ...facts, entries: [], decisions: [] });
    expect(answer.found).toBe(false);
    expect(answer.suggestedQuestion).toContain('What made this a priority');
  });
});
