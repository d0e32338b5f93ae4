import { describe, expect, it } from 'vitest';
import { collectCitations, draftResultSchema } from '../../../src/domain/drafts/draft.js';
import { draftOffline, OFFLINE_MODEL } from '../../../src/domain/drafts/offline-drafter.js';
import { earlyDeal, nordfreight } from './deal-fixtures.js';

describe('draftOffline', () => {
  it('produces the exact same draft for a fixed deal (snapshot)', () => {
    const result = draftOffline(nordfreight());
    expect(draftResultSchema.parse(result)).toEqual(result);
    expect(result).toMatchSnapshot();
  });

  it('produces the exact draft for an early deal (snapshot)', () => {
    expect(draftOffline(earlyDeal())).toMatchSnapshot();
  });

  it('is labelled offline and deterministic', () => {
    const a = draftOffline(nordfreight());
    const b = draftOffline(nordfreight());
    expect(a).toEqual(b);
    expect(a.meta).toMatchObject({
      provider: 'offline',
      model: OFFLINE_MODEL,
      promptTokens: 0,
      fallbackReason: null,
    });
  });

  it('keeps quotes verbatim, leads today with quotes, and loses no live customer entry', () => {
    const input = nordfreight();
    const { content, unverified, meta } = draftOffline(input);
    expect(unverified).toEqual([]);
    expect(meta.citationProblems).toEqual([]);
    for (const s of [
      ...content.today,
      ...content.drivers,
      ...content.successFactors,
      ...content.constraints,
    ]) {
      if (s.quote) expect(input.entries.some((e) => e.quote === s.quote)).toBe(true);
    }
    expect(content.today.every((s) => s.quote !== null)).toBe(true);
    const cited = collectCitations(content);
    const live = input.entries.filter((e) => !e.archived).map((e) => e.id);
    for (const id of live) expect(cited).toContain(id);
    expect(cited).not.toContain(8);
  });

  it('never cites a proposal in customer sections or the vision', () => {
    const { content } = draftOffline(earlyDeal());
    for (const s of [...content.today, ...content.drivers, ...content.vision])
      expect(s.entryIds).not.toContain(10);
    expect(content.drivers[0]).toMatchObject({ entryIds: [11], ourWords: true });
    expect(content.listeningCheck.map((i) => i.kind)).toContain('proposal_before_driver');
  });

  it('records the fallback reason when used as a fallback', () => {
    expect(draftOffline(earlyDeal(), 'timeout: request timed out').meta.fallbackReason).toBe(
      'timeout: request timed out',
    );
  });
});
