import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewRecapSubmission } from '../../src/domain/recap/submission.js';
import type { Storage } from '../../src/storage/ports.js';
import { testEngines } from '../support/databases.js';

const TEAM_A = 'TA000001';
const TEAM_B = 'TB000002';
const T0 = new Date('2026-11-20T10:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe.each(testEngines())('recap submissions on $name', (engine) => {
  let storage: Storage;
  const submission = (viewId: string): NewRecapSubmission => ({
    teamId: TEAM_A,
    dealId: 1,
    channelId: 'C0DEAL1',
    userId: 'U0REP',
    viewId,
    payload: JSON.stringify({ notes: 'x'.repeat(200_000) }),
    title: `Call ${viewId}`,
  });
  beforeEach(async () => {
    storage = await engine.open();
  });
  afterEach(async () => {
    await storage.close();
  });

  it('stores a view once, whole, scoped by team', async () => {
    const r = storage.repos.recapSubmissions;
    const first = await r.saveOnce(submission('V1'), T0);
    expect(first?.status).toBe('pending');
    expect(await r.saveOnce(submission('V1'), at(1))).toBeNull();
    expect((await r.get(TEAM_A, first!.id))?.payload).toBe(submission('V1').payload);
    expect(await r.get(TEAM_B, first!.id)).toBeNull();
  });

  it('a failed run is claimed for a retry by exactly one caller; a posted one never', async () => {
    const r = storage.repos.recapSubmissions;
    const s = (await r.saveOnce(submission('V2'), T0))!;
    await r.setMeeting(TEAM_A, s.id, 42, at(1));
    await r.finish(TEAM_A, s.id, { status: 'failed', failure: 'saving the meeting' }, at(2));
    const failed = (await r.get(TEAM_A, s.id))!;
    expect(failed).toMatchObject({ status: 'failed', failure: 'saving the meeting', meetingId: 42 });
    expect(await r.claimRetry(TEAM_B, s.id, failed.updatedAt, at(3))).toBe(false);
    expect(await r.claimRetry(TEAM_A, s.id, failed.updatedAt, at(3))).toBe(true);
    expect(await r.claimRetry(TEAM_A, s.id, failed.updatedAt, at(3))).toBe(false);
    await r.finish(TEAM_A, s.id, { status: 'posted', failure: null }, at(4));
    const posted = (await r.get(TEAM_A, s.id))!;
    expect(posted.payload).toBe(''); // the text now lives in the meeting
    expect(await r.claimRetry(TEAM_A, s.id, posted.updatedAt, at(5))).toBe(false);
  });

  it("lists a user's unfinished recaps: failed, or pending since before the cut-off; newest first, scoped", async () => {
    const r = storage.repos.recapSubmissions;
    const failed = (await r.saveOnce(submission('U1'), T0))!;
    await r.finish(
      TEAM_A,
      failed.id,
      { status: 'failed', failure: 'posting the recap in the channel' },
      at(1),
    );
    const stalled = (await r.saveOnce(submission('U2'), at(2)))!;
    const running = (await r.saveOnce(submission('U3'), at(30)))!;
    const posted = (await r.saveOnce(submission('U4'), at(3)))!;
    await r.finish(TEAM_A, posted.id, { status: 'posted', failure: null }, at(4));
    await r.saveOnce({ ...submission('U5'), userId: 'U0OTHER' }, T0);
    await r.saveOnce({ ...submission('U6'), teamId: TEAM_B }, T0);

    const listed = await r.listUnfinishedByUser(TEAM_A, 'U0REP', at(20), 5);
    expect(listed.map((x) => x.id)).toEqual([stalled.id, failed.id]);
    expect(listed[1]).toMatchObject({
      status: 'failed',
      failure: 'posting the recap in the channel',
      title: 'Call U1',
    });
    expect(listed.map((x) => x.id)).not.toContain(running.id);
    expect(await r.listUnfinishedByUser(TEAM_A, 'U0REP', at(20), 1)).toHaveLength(1);
    expect(await r.listUnfinishedByUser(TEAM_B, 'U0REP', at(20), 5)).toHaveLength(1);
  });
});
