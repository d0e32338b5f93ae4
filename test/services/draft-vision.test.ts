import { describe, expect, it } from 'vitest';
import { draftOffline } from '../../src/domain/drafts/offline-drafter.js';
import type { DraftStatus, DraftVersion } from '../../src/domain/drafts/version.js';
import { draftVision, exportLatestDraft } from '../../src/services/draft-vision.js';
import type { DraftVersionRepository } from '../../src/storage/ports.js';
import { nordfreight } from '../domain/drafts/deal-fixtures.js';

function memoryDrafts(): DraftVersionRepository & { rows: DraftVersion[] } {
  const rows: DraftVersion[] = [];
  const mine = (teamId: string, dealId: number) =>
    rows.filter((r) => r.teamId === teamId && r.dealId === dealId);
  return {
    rows,
    async create(draft) {
      const row = { ...draft, id: rows.length + 1, createdAt: new Date(0) };
      rows.push(row);
      return row;
    },
    async latest(teamId, dealId) {
      return mine(teamId, dealId).at(-1) ?? null;
    },
    async list(teamId, dealId) {
      return mine(teamId, dealId);
    },
    async setStatus(teamId, id, status: DraftStatus) {
      const row = rows.find((r) => r.teamId === teamId && r.id === id);
      if (row) row.status = status;
      return row ?? null;
    },
  };
}

describe('draftVision / exportLatestDraft', () => {
  const fixture = nordfreight();
  const deal = { id: 1, teamId: 'T1', ...fixture.deal };
  const deps = (drafts = memoryDrafts()) => ({
    drafts,
    listEntries: async () => fixture.entries,
    listStakeholders: async () => fixture.stakeholders,
    drafter: { draft: async (input: Parameters<typeof draftOffline>[0]) => draftOffline(input) },
  });

  it('stores numbered versions with content, rendered text, provider, usage and citations', async () => {
    const d = deps();
    const first = await draftVision(d, deal, 'U1');
    const second = await draftVision(d, deal, 'U1');
    expect([first.version.version, second.version.version]).toEqual([1, 2]);
    expect(second.version).toMatchObject({
      teamId: 'T1',
      dealId: 1,
      provider: 'offline',
      model: 'offline-v1',
      promptTokens: 0,
      completionTokens: 0,
      status: 'draft',
      citations: [1, 2, 3, 4, 5, 6, 7],
      createdBy: 'U1',
    });
    expect(second.version.renderedText).toContain("# Here's what we heard: Nordfreight");
    expect(second.version.renderedText).toContain('version 2');
  });

  it('exports the latest draft, or null when there is none', async () => {
    const d = deps();
    expect(await exportLatestDraft(d, deal)).toBeNull();
    await draftVision(d, deal, 'U1');
    expect(await exportLatestDraft(d, deal)).toBe(d.drafts.rows[0]!.renderedText);
    expect(await exportLatestDraft(d, { ...deal, teamId: 'T2' })).toBeNull();
  });
});
