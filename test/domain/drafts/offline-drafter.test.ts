import { describe, expect, it } from 'vitest';
import { collectCitations, draftResultSchema } from '../../../src/domain/drafts/draft.js';
import { draftOffline, OFFLINE_MODEL } from '../../../src/domain/drafts/offline-drafter.js';
import { renderMarkdown } from '../../../src/domain/drafts/render-markdown.js';
import { earlyDeal, harborDeal, nordfreight, thinDeal } from './deal-fixtures.js';

/** Words as a reader counts them: whitespace-separated tokens with a letter or a digit (not `-` or `##`). */
const wordCount = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
const occurrences = (text: string, part: string) => text.split(part).length - 1;

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

  it('keeps quotes verbatim, states each entry once, and loses no live customer entry', () => {
    const input = nordfreight();
    const { content, unverified, meta } = draftOffline(input);
    expect(unverified).toEqual([]);
    expect(meta.citationProblems).toEqual([]);
    const stated = [...content.today, ...content.drivers, ...content.successFactors, ...content.constraints];
    for (const s of stated) if (s.quote) expect(input.entries.some((e) => e.quote === s.quote)).toBe(true);
    const ids = stated.flatMap((s) => s.entryIds);
    expect(new Set(ids).size).toBe(ids.length);
    const cited = collectCitations(content);
    const live = input.entries.filter((e) => !e.archived).map((e) => e.id);
    for (const id of live) expect(cited).toContain(id);
    expect(cited).not.toContain(8);
  });

  it('gives each vision point its reasoning: drivers, success factor, what it respects, a first step', () => {
    const { content } = draftOffline(harborDeal());
    expect(content.vision.map((v) => v.reasoning)).toEqual([
      {
        future: '95% on-time delivery by Q3',
        driverIds: [33],
        successIds: [36],
        respectIds: [38],
        firstStep: 'a scoping that needs no new spend, ready for when budget opens',
      },
      {
        future: 'penalty fees halved within a year',
        driverIds: [33],
        successIds: [37],
        respectIds: [38],
        firstStep: 'a scoping that needs no new spend, ready for when budget opens',
      },
    ]);
    expect(content.vision[0]?.text).toBe(
      'Because you told us #33, and you will judge it by #36, while #38 holds, we see 95% on-time delivery by Q3; a first step that respects #38: a scoping that needs no new spend, ready for when budget opens.',
    );
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

describe('the export of the issue-14 deal (12 entries)', () => {
  const input = harborDeal();
  const draft = draftOffline(input);
  const md = renderMarkdown({ ...input, draft });

  it('is the exact expected document (snapshot)', () => {
    expect(md).toMatchSnapshot();
  });

  it('is at most 350 words, and each quote appears exactly once', () => {
    expect(wordCount(md)).toBeLessThanOrEqual(350);
    expect(md.split(/\s+/).filter(Boolean).length).toBeLessThanOrEqual(350);
    for (const e of input.entries.filter((e) => e.quote && !e.internalOnly)) {
      expect(occurrences(md, e.quote!), e.quote!).toBe(1);
    }
  });

  it('is addressed to the customer and hedges what they did not confirm', () => {
    expect(md).toContain('Because you told us [1], and you will judge it by [5], while [7] holds, we see');
    expect(md).toContain('We heard “dispatch still runs on three spreadsheets” (Priya Shah). Is that right?');
    expect(md).toContain('We heard that penalty fees halved within a year. Is that right?');
    expect(md).not.toMatch(/Dana's team|their team/);
  });

  it('asks about the deadline that falls before the spend freeze lifts', () => {
    expect(md).toContain(
      '95% on-time delivery by Q3, and no new spend before March: what must happen before then for both to hold',
    );
  });

  it('offers our perspective, labelled, once two drivers are confirmed', () => {
    expect(md).toContain(
      '## What we have seen elsewhere\n\n- A pilot on one cross-border lane, for [1] and [2].',
    );
    expect(md).not.toContain('Before we suggest anything');
  });

  it('holds nothing internal: the personal fear stays in the private listening check', () => {
    expect(md).not.toContain('blame');
    expect(JSON.stringify({ ...draft.content, listeningCheck: [] })).not.toContain('blame');
    expect(draft.content.listeningCheck).toContainEqual(
      expect.objectContaining({ kind: 'private_question', entryIds: [41], stakeholderId: 5 }),
    );
  });
});

describe('the export of a thin deal', () => {
  const input = thinDeal();
  const md = renderMarkdown({ ...input, draft: draftOffline(input) });

  it('is the exact expected document (snapshot)', () => {
    expect(md).toMatchSnapshot();
  });

  it('says what must be learned before any perspective, and never shows our pitch', () => {
    expect(md).toContain('## Before we suggest anything');
    expect(md).toContain('whether we heard what drives this correctly (0 of 1 confirmed by you so far)');
    expect(md).not.toContain('analytics add-on');
    expect(md).not.toContain('What we have seen elsewhere');
    expect(md).not.toContain('The future we see together');
  });
});
