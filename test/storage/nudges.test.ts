import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/ports.js';
import { type TestEngine, testEngines } from '../support/databases.js';

const TEAM = 'TN000001';
const OTHER = 'TN000002';
const NOW = new Date('2026-12-07T09:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

describe.each(testEngines())('nudge storage on $name', (engine: TestEngine) => {
  let storage: Storage & { config: unknown };
  let clockNow = daysAgo(30);
  beforeEach(async () => {
    clockNow = daysAgo(30);
    storage = await engine.open({ clock: () => clockNow });
  });
  afterEach(async () => {
    await storage.close();
  });

  const deal = (channelId: string, teamId = TEAM) =>
    storage.repos.deals.upsertByChannel({
      teamId,
      channelId,
      accountName: `Account ${channelId}`,
      dealName: 'Deal',
      stage: 'proposal',
      ownerUserId: 'U0REP',
    });

  /** A decision whose last activity was `idleDays` ago. */
  async function decision(
    dealId: number,
    title: string,
    idleDays: number,
    extra: { dueDate?: string } = {},
    teamId = TEAM,
  ) {
    clockNow = daysAgo(idleDays);
    const created = await storage.repos.decisions.create({
      teamId,
      dealId,
      title,
      createdBy: 'U0REP',
      ourOwnerUserId: 'U0REP',
      ...extra,
    });
    clockNow = NOW;
    return created;
  }

  const sweep = (extra: { includeMuted?: boolean; dealId?: number } = {}) =>
    storage.repos.nudges.sweepStalled(TEAM, { now: NOW, stallDays: 7, today: '2026-12-07', ...extra });

  it('sweeps open decisions that are overdue or idle, never snoozed, decided, muted, archived or closed ones', async () => {
    const acme = await deal('C0ACME');
    const idle = await decision(acme.id, 'idle 10 days', 10);
    const overdue = await decision(acme.id, 'due yesterday', 1, { dueDate: '2026-12-06' });
    await decision(acme.id, 'due today', 1, { dueDate: '2026-12-07' });
    await decision(acme.id, 'fresh', 2);
    const snoozed = await decision(acme.id, 'snoozed', 20);
    await storage.repos.decisions.update(TEAM, snoozed.id, { snoozedUntil: daysAgo(-3) }, daysAgo(20));
    const snoozeOver = await decision(acme.id, 'snooze over', 20);
    await storage.repos.decisions.update(TEAM, snoozeOver.id, { snoozedUntil: daysAgo(1) }, daysAgo(20));
    const decided = await decision(acme.id, 'decided', 20);
    await storage.repos.decisions.update(TEAM, decided.id, { status: 'decided' }, daysAgo(20));

    const muted = await deal('C0MUTED');
    await storage.repos.deals.update(TEAM, muted.id, { nudgesMuted: true });
    const mutedDecision = await decision(muted.id, 'in muted deal', 30);
    const archived = await deal('C0ARCH');
    await storage.repos.deals.update(TEAM, archived.id, { archived: true });
    await decision(archived.id, 'in archived deal', 30);
    const closed = await deal('C0CLOSED');
    await storage.repos.deals.update(TEAM, closed.id, { stage: 'Closed Won' });
    await decision(closed.id, 'in closed deal', 30);
    const other = await deal('C0OTHER', OTHER);
    await decision(other.id, 'other team', 30, {}, OTHER);

    const result = await sweep();
    expect(result.decisions.map((d) => d.title).sort()).toEqual([
      'due yesterday',
      'idle 10 days',
      'snooze over',
    ]);
    expect(result.deals.map((d) => d.id)).toEqual([acme.id]);
    expect(result.decisions.map((d) => d.id)).toContain(idle.id);
    expect(result.decisions.map((d) => d.id)).toContain(overdue.id);

    const withMuted = await sweep({ includeMuted: true });
    expect(withMuted.decisions.map((d) => d.id)).toContain(mutedDecision.id);
    expect((await sweep({ dealId: muted.id, includeMuted: true })).decisions).toHaveLength(1);
  });

  it('honours a shorter per-deal stall period in the candidate filter', async () => {
    const quick = await deal('C0QUICK');
    await storage.repos.deals.update(TEAM, quick.id, { stallDays: 3 });
    await decision(quick.id, 'idle 4 days', 4);
    const slow = await deal('C0SLOW');
    await decision(slow.id, 'idle 4 days, default 7', 4);
    const titles = (await sweep()).decisions.map((d) => d.title);
    expect(titles).toContain('idle 4 days');
  });

  it('records runs and the last finished run key', async () => {
    expect(await storage.repos.nudges.lastRunKey(TEAM)).toBeNull();
    const first = await storage.repos.nudges.startRun(TEAM, `${TEAM}:2026-W49`, NOW, NOW);
    expect(first).toMatchObject({ status: 'running', attempts: 1 });
    await storage.repos.nudges.finishRun(
      TEAM,
      first.runKey,
      { status: 'incomplete', sentCount: 1, failedCount: 0 },
      NOW,
    );
    expect(await storage.repos.nudges.lastRunKey(TEAM)).toBeNull();
    const again = await storage.repos.nudges.startRun(TEAM, first.runKey, NOW, NOW);
    expect(again).toMatchObject({ status: 'running', attempts: 2 });
    await storage.repos.nudges.finishRun(
      TEAM,
      first.runKey,
      { status: 'done', sentCount: 2, failedCount: 0 },
      NOW,
    );
    expect(await storage.repos.nudges.lastRunKey(TEAM)).toBe(`${TEAM}:2026-W49`);
    expect(await storage.repos.nudges.lastRunKey(OTHER)).toBeNull();
    expect(await storage.repos.nudges.getRun(TEAM, first.runKey)).toMatchObject({
      status: 'done',
      sentCount: 2,
    });
  });

  it('claims a send key once, marks it sent, and releases only unsent claims', async () => {
    const claim = {
      teamId: TEAM,
      sendKey: `${TEAM}:2026-W49:deal:1:channel`,
      runKey: `${TEAM}:2026-W49`,
      kind: 'channel' as const,
      decisionIds: [1, 2],
      dealId: 1,
      userId: null,
      channelId: 'C0ACME',
      claimedAt: NOW,
    };
    expect(await storage.repos.nudges.claimSend(claim)).toBe(true);
    expect(await storage.repos.nudges.claimSend(claim)).toBe(false);
    expect(await storage.repos.nudges.claimSend({ ...claim, teamId: OTHER })).toBe(true);
    await storage.repos.nudges.releaseSend(TEAM, claim.sendKey);
    expect(await storage.repos.nudges.claimSend(claim)).toBe(true);
    await storage.repos.nudges.markSent(TEAM, claim.sendKey, '1700000000.000100', NOW);
    await storage.repos.nudges.releaseSend(TEAM, claim.sendKey);
    const [sent] = await storage.repos.nudges.listSends(TEAM, claim.runKey);
    expect(sent).toMatchObject({ status: 'sent', messageTs: '1700000000.000100', decisionIds: [1, 2] });
    expect(await storage.repos.nudges.findByMessage(TEAM, 'C0ACME', '1700000000.000100')).toMatchObject({
      sendKey: claim.sendKey,
    });
    expect(await storage.repos.nudges.findByMessage(OTHER, 'C0ACME', '1700000000.000100')).toBeNull();

    const digest = {
      ...claim,
      sendKey: `${TEAM}:2026-W49:U0REP:digest`,
      kind: 'digest' as const,
      userId: 'U0REP',
    };
    expect(await storage.repos.nudges.claimSend(digest)).toBe(true);
    await storage.repos.nudges.markFailed(TEAM, digest.sendKey, 'not_in_channel', NOW);
    expect((await storage.repos.nudges.listSends(TEAM, claim.runKey)).map((s) => s.status)).toEqual([
      'sent',
      'failed',
    ]);
  });

  it('counts a reply in the decision thread as activity, only in that deal channel', async () => {
    const acme = await deal('C0ACME');
    const d = await decision(acme.id, 'thread decision', 10);
    await storage.repos.decisions.update(TEAM, d.id, { threadTs: '1700000000.000200' }, daysAgo(10));
    expect(await storage.repos.nudges.touchByThread(TEAM, 'C0OTHER', '1700000000.000200', NOW)).toBe(0);
    expect(await storage.repos.nudges.touchByThread(OTHER, 'C0ACME', '1700000000.000200', NOW)).toBe(0);
    expect(await storage.repos.nudges.touchByThread(TEAM, 'C0ACME', '1700000000.000200', NOW)).toBe(1);
    expect((await storage.repos.decisions.getById(TEAM, d.id))?.lastActivityAt).toEqual(NOW);
    expect((await sweep()).decisions).toHaveLength(0);
  });

  it('lets one holder of the team run lock at a time', async () => {
    let inner: unknown = null;
    const outer = await storage.repos.nudges.withRunLock(TEAM, async () => {
      inner = await storage.repos.nudges.withRunLock(TEAM, async () => 'nested');
      const otherTeam = await storage.repos.nudges.withRunLock(OTHER, async () => 'other');
      return otherTeam;
    });
    expect(outer).toEqual({ acquired: true, value: { acquired: true, value: 'other' } });
    expect(inner).toEqual({ acquired: false });
    // Released afterwards.
    expect(await storage.repos.nudges.withRunLock(TEAM, async () => 1)).toEqual({ acquired: true, value: 1 });
  });

  // Only PostgreSQL has more than one process on one database; SQLite runs are single-process by design.
  const onPostgres = engine.name === 'postgres' ? it : () => undefined;
  onPostgres('excludes a second PostgreSQL connection while the lock is held', async () => {
    const second = await openStorage(storage.config as Parameters<typeof openStorage>[0], {
      migrate: false,
    });
    try {
      const result = await storage.repos.nudges.withRunLock(TEAM, () =>
        second.repos.nudges.withRunLock(TEAM, async () => 'second'),
      );
      expect(result).toEqual({ acquired: true, value: { acquired: false } });
      expect(await second.repos.nudges.withRunLock(TEAM, async () => 'now')).toEqual({
        acquired: true,
        value: 'now',
      });
    } finally {
      await second.close();
    }
  });
});
