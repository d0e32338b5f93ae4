import { describe, expect, it } from 'vitest';
import { draftToEditLines, parseEditText } from '../../../src/domain/drafts/edit-text.js';
import { draftOffline } from '../../../src/domain/drafts/offline-drafter.js';
import { nordfreight } from './deal-fixtures.js';

describe('draft edit text', () => {
  it('round-trips a draft: text, citations, quotes and SPIN kinds survive', () => {
    const { content } = draftOffline(nordfreight());
    const lines = draftToEditLines(content);
    const parsed = parseEditText(
      Object.fromEntries(Object.entries(lines).map(([k, v]) => [k, v.join('\n')])),
    );
    for (const section of ['today', 'drivers', 'successFactors', 'constraints', 'vision'] as const) {
      expect(parsed[section]).toEqual(
        content[section].map((s) => ({ text: s.text, entryIds: s.entryIds, quote: s.quote })),
      );
    }
    expect(parsed.questions).toEqual(content.questions);
  });

  it('reads bullets of any kind, continuation lines, #-less refs and unknown SPIN labels', () => {
    const parsed = parseEditText({
      drivers: '* Slow shipments\n  across borders [2, #3]\n\n• Manual invoices “by hand, every week”',
      questions: '1. (need-payoff) What would on-time mean? [#5]\n- (whatever) Who decides?',
    });
    expect(parsed.drivers).toEqual([
      { text: 'Slow shipments across borders', entryIds: [2, 3], quote: null },
      { text: 'Manual invoices', entryIds: [], quote: 'by hand, every week' },
    ]);
    expect(parsed.questions).toEqual([
      { text: 'What would on-time mean?', spin: 'need_payoff', entryIds: [5] },
      { text: '(whatever) Who decides?', spin: 'situation', entryIds: [] },
    ]);
    expect(parsed.today).toEqual([]);
  });
});
