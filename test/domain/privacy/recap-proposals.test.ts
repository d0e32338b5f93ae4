import { describe, expect, it } from 'vitest';
import { isInternalOnlyProposal } from '../../../src/domain/privacy/recap-proposals.js';
import type { NewRecapProposal } from '../../../src/domain/recap/meeting.js';

const entry = (
  kind: 'risk' | 'driver' | 'proposal',
  statement: string,
  quote: string | null,
): NewRecapProposal => ({
  kind: 'entry',
  payload: { kind, statement, quote, speaker: quote ? 'Dana' : null, constraintCategory: null },
});

describe('isInternalOnlyProposal', () => {
  it('keeps a personal fear and a named person’s standing out of the channel', () => {
    const fear = 'if we start and it slips, my team takes the blame in front of the board';
    expect(isInternalOnlyProposal(entry('risk', fear, fear))).toBe(true);
    expect(isInternalOnlyProposal(entry('driver', 'Her credibility with the CFO rides on this', null))).toBe(
      true,
    );
  });

  it('shares ordinary entries, our own proposals and decisions', () => {
    const slow = 'We lose three days on every cross-border shipment';
    expect(isInternalOnlyProposal(entry('driver', slow, slow))).toBe(false);
    expect(
      isInternalOnlyProposal(entry('proposal', 'Our routing module so no one takes the blame', null)),
    ).toBe(false);
    const decision: NewRecapProposal = {
      kind: 'decision',
      payload: { title: 'Pick a pilot region', ownerName: 'Dana', dueDate: '2026-12-15' },
    };
    expect(isInternalOnlyProposal(decision)).toBe(false);
  });
});
