import { describe, expect, it } from 'vitest';
import { suggestNextStep } from '../../../src/domain/nudges/next-step.js';
import { decisionSignals, hasUrgencyWords } from '../../../src/domain/nudges/signals.js';
import { makeDecision, makeEntry, makeStakeholder } from './fixtures.js';

const dana = makeStakeholder({ id: 501, name: 'Dana Lee' });
const omar = makeStakeholder({ id: 502, name: 'Omar Haddad', buyingRole: 'champion' });
const decision = makeDecision({ customerOwnerId: 501, lastActivityAt: new Date('2026-11-12T10:00:00Z') });

const calmDriver = makeEntry({
  id: 1,
  kind: 'driver',
  statement: 'Dispatchers re-plan routes by hand',
  quote: 'our dispatchers spend the morning re-planning routes by hand in spreadsheets',
  priority: 'medium',
});
const urgentDriver = makeEntry({
  id: 2,
  kind: 'driver',
  statement: 'Slow cross-border shipments',
  quote: 'we lose three days on every cross-border shipment',
  priority: 'medium',
});
const budget = makeEntry({
  id: 3,
  kind: 'constraint',
  statement: 'No new spend before the March freeze',
  constraintCategory: 'budget',
  severity: 'medium',
});
const blame = makeEntry({
  id: 4,
  kind: 'risk',
  statement: 'If this fails the ops team takes the blame',
  quote: 'if this fails, my team takes the blame',
  severity: 'high',
  stakeholderId: 502,
});
const proposal = makeEntry({
  id: 5,
  kind: 'proposal',
  statement: 'Start with the routing module',
  priority: 'high',
});

describe('signals', () => {
  it('spots urgency words', () => {
    expect(hasUrgencyWords('we lose three days')).toBe(true);
    expect(hasUrgencyWords('live by Q3 at the latest')).toBe(true);
    expect(hasUrgencyWords('the board must see savings')).toBe(true);
    expect(hasUrgencyWords('closer look at costs')).toBe(true);
    expect(hasUrgencyWords('it would be nice to have better routes')).toBe(false);
    expect(hasUrgencyWords('a glossy dashboard')).toBe(false);
  });

  it('scopes to entries linked to the decision, else the whole deal, ignoring archived and proposals', () => {
    const archivedRisk = makeEntry({ id: 9, kind: 'risk', severity: 'high', archived: true });
    const signals = decisionSignals([calmDriver], [calmDriver, urgentDriver, budget, archivedRisk, proposal]);
    expect(signals.drivers.map((e) => e.id)).toEqual([1]);
    expect(signals.risks.map((e) => e.id)).toEqual([3]);
    expect(signals.looksLikeStatusQuo).toBe(true);
    expect(signals.looksLikeIndecision).toBe(false);
  });
});

describe('suggestNextStep', () => {
  it('suggests the cost of inaction in their own words when no driver shows urgency', () => {
    const step = suggestNextStep({
      decision,
      relatedEntries: [calmDriver],
      dealEntries: [calmDriver, proposal],
      stakeholders: [dana, omar],
    });
    expect(step.pattern).toBe('status_quo');
    expect(step.text.startsWith('Ask Dana what changed since Nov 12.')).toBe(true);
    expect(step.text).toContain('what waiting costs them');
    expect(step.text).toContain('"our dispatchers spend the morning re-planning routes by…"');
    expect(step.groundedOn).toEqual([1]);
    expect(step.text).not.toMatch(/routing module/);
  });

  it('falls back to our summary, not fake quotes, when no verbatim words exist', () => {
    const summaryOnly = makeEntry({
      id: 7,
      kind: 'driver',
      statement: 'Routes are planned by hand',
      quote: null,
    });
    const step = suggestNextStep({
      decision,
      relatedEntries: [summaryOnly],
      dealEntries: [],
      stakeholders: [dana],
    });
    expect(step.pattern).toBe('status_quo');
    expect(step.text).toContain('their point that routes are planned by hand');
    expect(step.text).not.toContain('"');
  });

  it('suggests reducing the named risk when a high-severity risk is logged', () => {
    const step = suggestNextStep({
      decision: { ...decision, customerOwnerId: null },
      relatedEntries: [blame, urgentDriver],
      dealEntries: [],
      stakeholders: [dana, omar],
    });
    expect(step.pattern).toBe('indecision');
    expect(step.text.startsWith('Ask Omar what changed since Nov 12')).toBe(true); // who voiced the risk
    expect(step.text).toContain('"if this fails, my team takes the blame"');
    expect(step.text).toMatch(/pilot, references from similar customers or a guarantee/);
    expect(step.groundedOn).toEqual([4]);
  });

  it('treats two or more risks/constraints as indecision and cites them all, most severe first', () => {
    const step = suggestNextStep({
      decision,
      relatedEntries: [],
      dealEntries: [budget, urgentDriver, blame],
      stakeholders: [dana],
    });
    expect(step.pattern).toBe('indecision');
    expect(step.groundedOn).toEqual([4, 3]);
    expect(step.text).toContain('(and 1 more concern)');
  });

  it('fits the risk reducer to the constraint category', () => {
    const legal = makeEntry({
      id: 8,
      kind: 'constraint',
      statement: 'Legal needs an exit',
      constraintCategory: 'policy_legal',
      severity: 'high',
    });
    const step = suggestNextStep({
      decision,
      relatedEntries: [legal],
      dealEntries: [],
      stakeholders: [dana],
    });
    // A legal requirement alone is a condition to meet, not indecision (JOLT).
    expect(step.pattern).not.toBe('indecision');
    const money = suggestNextStep({
      decision,
      relatedEntries: [budget, { ...budget, id: 11 }],
      dealEntries: [],
      stakeholders: [],
    });
    expect(money.text).toMatch(/^Ask the customer what changed/);
    expect(money.text).toMatch(/smaller first step would fit their budget/);
  });

  it('asks about the date when overdue with urgency and no piled-up risks', () => {
    const step = suggestNextStep({
      decision: { ...decision, dueDate: '2026-12-15' },
      relatedEntries: [urgentDriver],
      dealEntries: [],
      stakeholders: [dana],
      stall: { reason: 'overdue' },
    });
    expect(step).toEqual({
      pattern: 'overdue',
      text: 'Ask Dana what changed since the Dec 15 due date, and what a realistic date looks like for them now.',
      groundedOn: [],
    });
  });

  it('is unclear when drivers are urgent but nothing else explains the stall', () => {
    const step = suggestNextStep({
      decision,
      relatedEntries: [urgentDriver],
      dealEntries: [],
      stakeholders: [dana],
    });
    expect(step.pattern).toBe('unclear');
    expect(step.text).toContain('"we lose three days on every cross-border shipment"');
    expect(step.groundedOn).toEqual([2]);
  });

  it('stays listen-first without inventing grounds when nothing is logged', () => {
    const step = suggestNextStep({
      decision,
      relatedEntries: [],
      dealEntries: [proposal],
      stakeholders: [dana],
    });
    expect(step.pattern).toBe('unclear');
    expect(step.text).toMatch(/^Ask Dana what changed since Nov 12\./);
    expect(step.text).toContain('no business driver is logged yet');
    expect(step.groundedOn).toEqual([]);
  });

  it('dates "since" in the workspace time zone', () => {
    const late = { ...decision, lastActivityAt: new Date('2026-11-12T23:30:00Z') };
    const input = { decision: late, relatedEntries: [calmDriver], dealEntries: [], stakeholders: [dana] };
    expect(suggestNextStep(input).text).toMatch(/since Nov 12\./);
    expect(suggestNextStep({ ...input, timeZone: 'Europe/Berlin' }).text).toMatch(/since Nov 13\./);
  });
});
