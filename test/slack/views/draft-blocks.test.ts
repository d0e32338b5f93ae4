import { describe, expect, it } from 'vitest';
import { draftOffline } from '../../../src/domain/drafts/offline-drafter.js';
import { draftBlocks } from '../../../src/slack/views/draft-blocks.js';
import { LIMITS } from '../../../src/slack/views/limits.js';
import { entry, nordfreight } from '../../domain/drafts/deal-fixtures.js';
import { blockTexts } from './draft-block-texts.js';

describe('draftBlocks', () => {
  it('shows citations as compact refs, our-words marks, and the offline label', () => {
    const draft = draftOffline(nordfreight());
    const [message, ...rest] = draftBlocks({ version: 3, draft });
    expect(rest).toEqual([]);
    const texts = blockTexts(message!.blocks).join('\n');
    expect(message!.text).toMatch(/^Shared vision draft v3 - 3 drivers/);
    expect(texts).toContain('Drafted without AI (offline)');
    expect(texts).toContain('Carrier invoices are reconciled by hand [#3] _(our words, not theirs)_');
    expect(texts).toContain('(Dana Lee, VP Operations): Cross-border shipments lose three days [#2]');
    expect(texts).toContain(
      '• Because you told us #2, and you will judge it by #5, while #6 holds, we see 95% on-time delivery by Q3; a first step that respects #6:',
    );
    expect(texts).toContain('Point 1 rests on entries [#2, #5, #6]');
    expect(texts).toContain('*Before we suggest anything, we must learn*');
    expect(texts).toContain('*Listening check (only you see this)*');
  });

  it('labels unverified statements and leaves the listening check out of channel posts', () => {
    const draft = draftOffline(nordfreight());
    draft.unverified.push({
      section: 'drivers',
      text: 'They love our product',
      entryIds: [],
      reason: 'no_citation',
    });
    const texts = blockTexts(draftBlocks({ version: 1, draft, audience: 'channel' })[0]!.blocks).join('\n');
    expect(texts).toContain('*Unverified (not posted as fact)*\n• They love our product _(cites no entry)_');
    expect(texts).not.toContain('Listening check');
    expect(texts).not.toContain('We have not heard from');
  });

  it('labels an AI draft with its model and left-out count', () => {
    const draft = draftOffline(nordfreight());
    draft.meta = { ...draft.meta, provider: 'openai', model: 'gpt-4o-mini', leftOut: 12 };
    const context = blockTexts(draftBlocks({ version: 1, draft })[0]!.blocks)[1];
    expect(context).toBe(
      'Drafted with AI (gpt-4o-mini) · 12 lower-value entries left out for length · every point cites its entries',
    );
  });

  it('splits a huge draft across messages within Block Kit limits', () => {
    const input = nordfreight();
    for (let i = 0; i < 1_000; i++) {
      input.entries.push(
        entry(100 + i, 'driver', `Driver ${i} ${'x'.repeat(200)}`, { quote: 'y'.repeat(300) }),
      );
    }
    const messages = draftBlocks({ version: 1, draft: draftOffline(input) });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
      for (const b of m.blocks) {
        if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      }
    }
    const all = messages.flatMap((m) => blockTexts(m.blocks)).join('\n');
    for (const id of [100, 600, 1_099]) expect(all).toContain(`[#${id}]`);
  });
});
