import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../src/storage/ports.js';
import { type TestEngine, testEngines } from '../support/databases.js';

const TEAM = 'TM000001';
const OTHER = 'TM000002';
const NOW = new Date('2026-12-07T15:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

describe.each(testEngines())('meeting storage on $name', (engine: TestEngine) => {
  let storage: Storage;
  beforeEach(async () => {
    storage = await engine.open({ clock: () => NOW });
  });
  afterEach(async () => {
    await storage.close();
  });

  const deal = (teamId = TEAM) =>
    storage.repos.deals.upsertByChannel({
      teamId,
      channelId: 'C0ACME',
      accountName: 'Acme',
      dealName: 'Rollout',
      stage: 'discovery',
      ownerUserId: 'U0REP',
    });

  const scheduled = async (teamId: string, endsInMinutes: number, title = 'Discovery call') => {
    const d = await deal(teamId);
    return storage.repos.meetings.create({
      teamId,
      dealId: d.id,
      channelId: d.channelId,
      title,
      meetingDate: '2026-12-07',
      status: 'scheduled',
      createdBy: 'U0REP',
      startsAt: minutes(endsInMinutes - 45),
      endsAt: minutes(endsInMinutes),
      ourUserIds: ['U0REP'],
    });
  };

  it('stores a recapped meeting with its evidence and reads it back, scoped by team', async () => {
    const d = await deal();
    const meeting = await storage.repos.meetings.create({
      teamId: TEAM,
      dealId: d.id,
      channelId: 'C0ACME',
      title: 'Discovery',
      meetingDate: '2026-12-07',
      status: 'recapped',
      createdBy: 'U0REP',
      ourUserIds: ['U0REP', 'U0SE'],
      customerStakeholderIds: [3],
      customerNew: [{ name: 'Dana Lee', role: 'CFO' }],
      notes: 'Driver: on-time delivery',
      transcript: 'Dana: we lose three days',
      proposedByUs: 'Start with routing',
      analysis: {
        format: 'plain',
        readAs: 'transcript',
        reason: null,
        extractor: 'offline',
        truncated: false,
        fallbackReason: null,
      },
    });
    const read = await storage.repos.meetings.getById(TEAM, meeting.id);
    expect(read).toMatchObject({
      title: 'Discovery',
      ourUserIds: ['U0REP', 'U0SE'],
      customerStakeholderIds: [3],
      customerNew: [{ name: 'Dana Lee', role: 'CFO' }],
      transcript: 'Dana: we lose three days',
      analysis: { format: 'plain', extractor: 'offline' },
      startsAt: null,
      recapTs: null,
    });
    expect(await storage.repos.meetings.getById(OTHER, meeting.id)).toBeNull();
    const updated = await storage.repos.meetings.update(TEAM, meeting.id, { recapTs: '171.5', notes: null });
    expect(updated).toMatchObject({ recapTs: '171.5', notes: null, transcript: 'Dana: we lose three days' });
    expect(await storage.repos.meetings.update(OTHER, meeting.id, { recapTs: 'x' })).toBeNull();
  });

  it('lists ended scheduled meetings without a prompt and claims each prompt exactly once', async () => {
    const ended = await scheduled(TEAM, -5, 'Ended');
    await scheduled(TEAM, 30, 'Later');
    await scheduled(TEAM, -60 * 24 * 8, 'Too old');
    await scheduled(OTHER, -5, 'Other team');
    const notBefore = new Date(NOW.getTime() - 7 * 86_400_000);
    const due = await storage.repos.meetings.listDuePrompts(TEAM, NOW, notBefore);
    expect(due.map((m) => m.title)).toEqual(['Ended']);
    expect(await storage.repos.meetings.listTeamsWithDuePrompts(NOW, notBefore)).toEqual([TEAM, OTHER]);

    const claims = await Promise.all([
      storage.repos.meetings.claimPrompt(TEAM, ended.id, NOW),
      storage.repos.meetings.claimPrompt(TEAM, ended.id, NOW),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await storage.repos.meetings.listDuePrompts(TEAM, NOW, notBefore)).toEqual([]);
    expect(await storage.repos.meetings.claimPrompt(OTHER, ended.id, NOW)).toBe(false);

    await storage.repos.meetings.releasePrompt(TEAM, ended.id);
    expect((await storage.repos.meetings.listDuePrompts(TEAM, NOW, notBefore)).map((m) => m.id)).toEqual([
      ended.id,
    ]);
    expect(await storage.repos.meetings.claimPrompt(TEAM, ended.id, NOW)).toBe(true);
    await storage.repos.meetings.update(TEAM, ended.id, { promptTs: '100.1' });
    await storage.repos.meetings.releasePrompt(TEAM, ended.id);
    expect((await storage.repos.meetings.getById(TEAM, ended.id))?.promptPostedAt).toEqual(NOW);
  });

  it('resolves a proposal once, records its result and can reopen a failed confirmation', async () => {
    const meeting = await scheduled(TEAM, -5);
    const [entry, decision] = await storage.repos.meetings.addProposals(TEAM, meeting.id, [
      {
        kind: 'entry',
        payload: {
          kind: 'constraint',
          statement: 'No new spend before March',
          quote: 'no new spend before the March freeze',
          speaker: 'Dana',
          constraintCategory: 'budget',
        },
      },
      {
        kind: 'decision',
        payload: { title: 'Pick a pilot region', ownerName: 'Dana', dueDate: '2026-12-15' },
      },
    ]);
    expect(entry).toMatchObject({ kind: 'entry', status: 'proposed', entryId: null });
    expect(decision).toMatchObject({ kind: 'decision', payload: { ownerName: 'Dana' } });

    await storage.repos.meetings.setProposalMessage(TEAM, [entry!.id, decision!.id], '200.2');
    const results = await Promise.all([
      storage.repos.meetings.resolveProposal(TEAM, entry!.id, 'confirmed', 'U0REP', NOW),
      storage.repos.meetings.resolveProposal(TEAM, entry!.id, 'confirmed', 'U0MGR', NOW),
      storage.repos.meetings.resolveProposal(TEAM, entry!.id, 'discarded', 'U0SE', NOW),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await storage.repos.meetings.resolveProposal(OTHER, decision!.id, 'discarded', 'U1', NOW)).toBe(
      false,
    );

    await storage.repos.meetings.reopenProposal(TEAM, entry!.id);
    expect((await storage.repos.meetings.getProposal(TEAM, entry!.id))?.status).toBe('proposed');
    expect(await storage.repos.meetings.resolveProposal(TEAM, entry!.id, 'confirmed', 'U0REP', NOW)).toBe(
      true,
    );
    await storage.repos.meetings.setProposalResult(TEAM, entry!.id, { entryId: 12 });
    await storage.repos.meetings.reopenProposal(TEAM, entry!.id);

    const listed = await storage.repos.meetings.listProposals(TEAM, meeting.id);
    expect(listed.map((p) => [p.kind, p.status, p.messageTs, p.resolvedBy])).toEqual([
      ['entry', 'confirmed', '200.2', 'U0REP'],
      ['decision', 'proposed', '200.2', null],
    ]);
    expect(listed[0]).toMatchObject({ entryId: 12, resolvedAt: NOW });
    expect(await storage.repos.meetings.getProposal(OTHER, entry!.id)).toBeNull();
    expect(await storage.repos.meetings.listProposals(OTHER, meeting.id)).toEqual([]);
  });
});
