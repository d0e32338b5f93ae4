import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ListenNudge, Storage } from '../../src/storage/ports.js';
import { testEngines } from '../support/databases.js';

const TEAM_A = 'TA000001';
const TEAM_B = 'TB000002';
const T0 = new Date('2026-11-20T10:00:00.000Z');
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

describe.each(testEngines())('listening storage on $name', (engine) => {
  let storage: Storage;
  let dealId: number;
  beforeEach(async () => {
    storage = await engine.open();
    const deal = await storage.repos.deals.upsertByChannel({
      teamId: TEAM_A,
      channelId: 'C0DEAL1',
      accountName: 'Acme',
      dealName: 'Routing',
      stage: 'discovery',
      ownerUserId: 'U0REP',
    });
    dealId = deal.id;
  });
  afterEach(async () => {
    await storage.close();
  });

  it('claims an event id once per team, and again after it is released', async () => {
    const l = storage.repos.listening;
    expect(await l.claimEvent(TEAM_A, 'Ev1', T0)).toBe(true);
    expect(await l.claimEvent(TEAM_A, 'Ev1', at(1))).toBe(false);
    expect(await l.claimEvent(TEAM_B, 'Ev1', at(1))).toBe(true);
    await l.releaseEvent(TEAM_A, 'Ev1');
    expect(await l.claimEvent(TEAM_A, 'Ev1', at(2))).toBe(true);
  });

  it('prunes processed events after a day', async () => {
    const l = storage.repos.listening;
    expect(await l.claimEvent(TEAM_A, 'Ev2', T0)).toBe(true);
    expect(await l.claimEvent(TEAM_A, 'Ev2', at(23))).toBe(false);
    // 25 hours later the first row is pruned before the insert.
    expect(await l.claimEvent(TEAM_A, 'Ev2', at(48))).toBe(true);
  });

  it('records a nudge once per (deal, user, kind, period) and counts them since a time', async () => {
    const l = storage.repos.listening;
    const nudge: ListenNudge = {
      teamId: TEAM_A,
      dealId,
      userId: 'U0REP',
      kind: 'prescribing',
      periodKey: '2026-11-20',
      sentAt: T0,
    };
    expect(await l.claimNudge(nudge)).toBe(true);
    expect(await l.claimNudge({ ...nudge, sentAt: at(2) })).toBe(false);
    expect(await l.claimNudge({ ...nudge, userId: 'U0MGR' })).toBe(true);
    expect(await l.claimNudge({ ...nudge, kind: 'capture_offer' })).toBe(true);
    expect(await l.claimNudge({ ...nudge, periodKey: '2026-11-21', sentAt: at(24) })).toBe(true);
    expect(await l.countNudgesSince(TEAM_A, dealId, 'U0REP', 'prescribing', T0)).toBe(2);
    expect(await l.countNudgesSince(TEAM_A, dealId, 'U0REP', 'prescribing', at(1))).toBe(1);
    expect(await l.countNudgesSince(TEAM_B, dealId, 'U0REP', 'prescribing', T0)).toBe(0);
    await l.releaseNudge(nudge);
    expect(await l.claimNudge(nudge)).toBe(true);
  });

  it('keeps quiet per team and user, and turns it back off', async () => {
    const l = storage.repos.listening;
    expect(await l.isQuiet(TEAM_A, 'U0REP')).toBe(false);
    await l.setQuiet(TEAM_A, 'U0REP', true, T0);
    await l.setQuiet(TEAM_A, 'U0REP', true, at(1));
    expect(await l.isQuiet(TEAM_A, 'U0REP')).toBe(true);
    expect(await l.isQuiet(TEAM_B, 'U0REP')).toBe(false);
    expect(await l.isQuiet(TEAM_A, 'U0MGR')).toBe(false);
    await l.setQuiet(TEAM_A, 'U0REP', false);
    expect(await l.isQuiet(TEAM_A, 'U0REP')).toBe(false);
  });
});
