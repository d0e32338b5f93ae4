import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftOffline } from '../../src/domain/drafts/offline-drafter.js';
import {
  DraftVersionConflictError,
  type NewDraftVersion,
  toNewDraftVersion,
} from '../../src/domain/drafts/version.js';
import { draftVision } from '../../src/services/draft-vision.js';
import type { Storage } from '../../src/storage/ports.js';
import { nordfreight } from '../domain/drafts/deal-fixtures.js';
import { testEngines } from '../support/databases.js';

const TEAM_A = 'TA000001';
const TEAM_B = 'TB000002';
const T0 = new Date('2026-11-20T10:00:00.000Z');

describe.each(testEngines())('draft versions storage on $name', (engine) => {
  let storage: Storage;
  let dealId: number;
  let otherDealId: number;
  const fixture = nordfreight();
  const result = draftOffline(fixture);
  const newVersion = (version: number, teamId = TEAM_A, deal = dealId): NewDraftVersion =>
    toNewDraftVersion({ teamId, dealId: deal, createdBy: 'U0REP', version }, result, `# v${version}`);

  beforeEach(async () => {
    storage = await engine.open({ clock: () => T0 });
    const link = (teamId: string, channelId: string) =>
      storage.repos.deals.upsertByChannel({
        teamId,
        channelId,
        accountName: 'Acme',
        dealName: 'Routing',
        stage: 'discovery',
        ownerUserId: 'U0REP',
      });
    dealId = (await link(TEAM_A, 'C0DEAL1')).id;
    otherDealId = (await link(TEAM_B, 'C0DEAL1')).id;
  });
  afterEach(async () => {
    await storage.close();
  });

  it('stores a version with its content, usage, citations and status, and reads it back', async () => {
    const withUsage: NewDraftVersion = {
      ...newVersion(1),
      provider: 'openai',
      model: 'gpt-test',
      promptTokens: 1234,
      completionTokens: 321,
      usageEstimated: true,
      latencyMs: 812.6,
      leftOut: 4,
      fallbackReason: null,
    };
    const created = await storage.repos.drafts.create(withUsage);
    expect(created).toMatchObject({
      teamId: TEAM_A,
      dealId,
      version: 1,
      provider: 'openai',
      model: 'gpt-test',
      promptTokens: 1234,
      completionTokens: 321,
      usageEstimated: true,
      latencyMs: 813,
      leftOut: 4,
      status: 'draft',
      renderedText: '# v1',
      createdBy: 'U0REP',
      messageTs: null,
      replyTs: [],
    });
    expect(created.createdAt.toISOString()).toBe(T0.toISOString());
    expect(created.content).toEqual(result.content);
    expect(created.unverified).toEqual(result.unverified);
    expect(created.citations).toEqual(withUsage.citations);
    expect(created.citations.length).toBeGreaterThan(0);
    expect(await storage.repos.drafts.getById(TEAM_A, created.id)).toEqual(created);
  });

  it('numbers versions uniquely per deal and lists them in order; latest is the highest', async () => {
    await storage.repos.drafts.create(newVersion(1));
    await storage.repos.drafts.create(newVersion(2));
    await expect(storage.repos.drafts.create(newVersion(2))).rejects.toBeInstanceOf(
      DraftVersionConflictError,
    );
    // The same number in another team's deal is fine.
    await storage.repos.drafts.create(newVersion(2, TEAM_B, otherDealId));
    const list = await storage.repos.drafts.list(TEAM_A, dealId);
    expect(list.map((v) => v.version)).toEqual([1, 2]);
    expect((await storage.repos.drafts.latest(TEAM_A, dealId))?.version).toBe(2);
    expect(await storage.repos.drafts.latest(TEAM_A, otherDealId)).toBeNull();
  });

  it('never returns or changes another team’s draft', async () => {
    const mine = await storage.repos.drafts.create(newVersion(1));
    expect(await storage.repos.drafts.getById(TEAM_B, mine.id)).toBeNull();
    expect(await storage.repos.drafts.setStatus(TEAM_B, mine.id, 'confirmed')).toBeNull();
    const ref = { channelId: 'C0DEAL1', messageTs: '1.0', threadTs: '1.0', replyTs: [] };
    expect(await storage.repos.drafts.setMessage(TEAM_B, mine.id, ref)).toBeNull();
    expect((await storage.repos.drafts.getById(TEAM_A, mine.id))?.status).toBe('draft');
    expect(await storage.repos.drafts.list(TEAM_B, dealId)).toEqual([]);
  });

  it('records who changed the status, when, and a correction note', async () => {
    const v = await storage.repos.drafts.create(newVersion(1));
    const at = new Date('2026-11-21T08:30:00.000Z');
    const shared = await storage.repos.drafts.setStatus(TEAM_A, v.id, 'shared', { changedBy: 'U0REP', at });
    expect(shared).toMatchObject({ status: 'shared', statusChangedBy: 'U0REP', statusNote: null });
    expect(shared?.statusChangedAt?.toISOString()).toBe(at.toISOString());
    const corrected = await storage.repos.drafts.setStatus(TEAM_A, v.id, 'corrected', {
      changedBy: 'U0MGR',
      note: 'Budget freeze ends in April, not March',
    });
    expect(corrected).toMatchObject({
      status: 'corrected',
      statusChangedBy: 'U0MGR',
      statusNote: 'Budget freeze ends in April, not March',
    });
    expect(corrected?.statusChangedAt?.toISOString()).toBe(T0.toISOString());
  });

  it('records where a version was posted and finds the teams of a channel', async () => {
    const v = await storage.repos.drafts.create(newVersion(1));
    const posted = await storage.repos.drafts.setMessage(TEAM_A, v.id, {
      channelId: 'C0DEAL1',
      messageTs: '1700000000.000100',
      threadTs: '1700000000.000100',
      replyTs: ['1700000000.000200', '1700000000.000300'],
    });
    expect(posted).toMatchObject({
      channelId: 'C0DEAL1',
      messageTs: '1700000000.000100',
      threadTs: '1700000000.000100',
      replyTs: ['1700000000.000200', '1700000000.000300'],
    });
    // Both teams have a deal in a channel with this id (channel ids are only unique per workspace).
    expect(await storage.repos.deals.teamsForChannel('C0DEAL1')).toEqual([TEAM_A, TEAM_B]);
    await storage.repos.deals.update(TEAM_B, otherDealId, { archived: true });
    expect(await storage.repos.deals.teamsForChannel('C0DEAL1')).toEqual([TEAM_A]);
    expect(await storage.repos.deals.teamsForChannel('C0OTHER')).toEqual([]);
  });

  it('draftVision renumbers when another version of the deal was stored while drafting', async () => {
    const deal = { id: dealId, teamId: TEAM_A, ...fixture.deal };
    const drafts = storage.repos.drafts;
    const deps = {
      drafts,
      listEntries: async () => fixture.entries,
      listStakeholders: async () => fixture.stakeholders,
      drafter: {
        // Someone else's draft lands as v1 while this one is being written.
        draft: async (input: typeof fixture) => {
          await drafts.create(newVersion(1));
          return draftOffline(input);
        },
      },
    };
    const { version } = await draftVision(deps, deal, 'U0MGR');
    expect(version.version).toBe(2);
    expect(version.renderedText).toContain('version 2');
    expect((await drafts.list(TEAM_A, dealId)).map((v) => [v.version, v.createdBy])).toEqual([
      [1, 'U0REP'],
      [2, 'U0MGR'],
    ]);
  });
});
