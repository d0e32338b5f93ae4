import { describe, expect, it } from 'vitest';
import { suggestNextStep } from '../../../src/domain/nudges/next-step.js';
import { hasUrgencyWords, indecisionWeight, saysNoRush } from '../../../src/domain/nudges/signals.js';
import { makeDecision, makeEntry, makeStakeholder } from './fixtures.js';

const decision = makeDecision({ customerOwnerId: 1 });
const dana = makeStakeholder({ id: 1, name: 'Dana Lee' });
const step = (related: ReturnType<typeof makeEntry>[]) =>
  suggestNextStep({ decision, relatedEntries: related, dealEntries: [], stakeholders: [dana] });

describe('stall diagnosis (JOLT: status quo vs indecision)', () => {
  it('reads negation and "no rush" as status quo', () => {
    expect(hasUrgencyWords('we lose three days per shipment')).toBe(true);
    expect(hasUrgencyWords("we don't lose much on it")).toBe(false);
    expect(hasUrgencyWords('there is no deadline')).toBe(false);
    expect(saysNoRush('Honestly, no rush on our side')).toBe(true);
    const calm = makeEntry({
      id: 2,
      kind: 'driver',
      priority: 'high',
      statement: 'Reports are slow',
      quote: 'reports are slow, but no rush, it works for now',
      saidOn: '2026-11-03',
    });
    const s = step([calm]);
    expect(s.pattern).toBe('status_quo');
    expect(s.text).toBe(
      'Ask Dana what changed since we last spoke (Nov 3). Then ask what waiting costs them, starting from "reports are slow, but no rush, it works for now".',
    );
  });

  it('weighs a personal risk more than requirements, which are never indecision', () => {
    const sso = makeEntry({
      id: 3,
      kind: 'constraint',
      statement: 'Must use Azure AD SSO',
      constraintCategory: 'technical',
      severity: 'high',
    });
    const residency = makeEntry({
      id: 4,
      kind: 'constraint',
      statement: 'Data stays in the EU',
      constraintCategory: 'policy_legal',
      severity: 'high',
    });
    const fear = makeEntry({
      id: 5,
      kind: 'risk',
      statement: 'Blame if it slips',
      quote: 'if we start and it slips, my team takes the blame',
    });
    expect([sso, residency, fear].map(indecisionWeight)).toEqual([0, 0, 3]);
    const driver = makeEntry({ id: 6, kind: 'driver', statement: 'Shipments are slow', priority: 'high' });
    expect(step([sso, residency, driver]).pattern).not.toBe('indecision');
    const s = step([sso, residency, fear]);
    expect(s.pattern).toBe('indecision');
    expect(s.text).toContain(
      'what worries them most about "if we start and it slips, my team takes the blame"',
    );
    expect(s.text).toContain('Offer your recommendation and narrow the options to one or two');
  });

  it('lets an internal-only fear drive the diagnosis without quoting or citing it', () => {
    const fear = makeEntry({
      id: 7,
      kind: 'risk',
      statement: 'Blame if it slips',
      quote: 'if we start and it slips, my team takes the blame',
      internalOnly: true,
    });
    const s = step([fear]);
    expect(s.pattern).toBe('indecision');
    expect(s.text).not.toContain('blame');
    expect(s.groundedOn).toEqual([]);
    expect(s.text).toContain('Offer your recommendation');
  });
});
