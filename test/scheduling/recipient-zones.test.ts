import { afterEach, describe, expect, it } from 'vitest';
import { localDateTime } from '../../src/domain/time/zoned-time.js';
import { DEMO_IDS } from '../../src/sandbox/seed.js';
import { linkDeal } from '../support/deal-fixtures.js';
import { type OAuthTestApp, startOAuthTestApp } from '../support/oauth-harness.js';

const TEAMS = ['T0ALPHA', 'T0BETA'] as const;
/** Three reps, three zones: Kolkata (UTC+5:30), Berlin (UTC+1 in December), Los Angeles (UTC-8). */
const ZONES = {
  [DEMO_IDS.rep]: 'Asia/Kolkata',
  [DEMO_IDS.manager]: 'Europe/Berlin',
  [DEMO_IDS.engineer]: 'America/Los_Angeles',
} as const;
const SUNDAY = Date.parse('2026-12-06T00:00:00Z');
const TUESDAY_NOON = Date.parse('2026-12-08T12:00:00Z');
const STEP = 15 * 60_000;

describe("the Monday run at each recipient's own 09:00, through the receiver and the Slack cloud", () => {
  let t: OAuthTestApp;
  afterEach(async () => t?.close());

  const issuedToken = (teamId: string) =>
    t.cloud
      .calls('oauth.v2.access')
      .map((c) => c.response as { ok: boolean; team?: { id: string }; access_token?: string })
      .find((r) => r.ok && r.team?.id === teamId)!.access_token!;

  it('ticks from Sunday to Tuesday UTC: each rep gets one DM at 09:00 local, the channel at its owner’s', async () => {
    let now = new Date(SUNDAY - 20 * 86_400_000);
    t = await startOAuthTestApp({ teams: [...TEAMS], clock: () => now, scheduler: true });
    for (const teamId of TEAMS) {
      expect((await t.install(teamId)).status).toBe(200);
      const state = t.cloud.workspace(teamId).state;
      for (const [userId, tz] of Object.entries(ZONES)) {
        state.addUser({ ...state.users.get(userId)!, tz });
      }
      // The deal is owned by the Los Angeles rep; one stalled decision per rep.
      const deal = await linkDeal(
        { repos: t.repos, ids: DEMO_IDS },
        { teamId, ownerUserId: DEMO_IDS.engineer },
      );
      for (const userId of Object.keys(ZONES)) {
        await t.repos.decisions.create({
          teamId,
          dealId: deal.id,
          title: `Decision owned by ${userId}`,
          createdBy: DEMO_IDS.rep,
          ourOwnerUserId: userId,
        });
      }
      // Last week's run happened.
      const lastWeek = `${teamId}:2026-W49`;
      await t.repos.nudges.startRun(teamId, lastWeek, new Date('2026-11-29T19:00:00Z'), now);
      await t.repos.nudges.finishRun(teamId, lastWeek, { status: 'done', sentCount: 0, failedCount: 0 }, now);
    }

    const received = new Map<string, Date[]>();
    const note = (key: string, count: number) => {
      const seen = received.get(key) ?? [];
      while (seen.length < count) seen.push(now);
      received.set(key, seen);
    };
    for (let at = SUNDAY; at <= TUESDAY_NOON; at += STEP) {
      now = new Date(at);
      // Two ticks at once (a slow tick overlapping the next, or two instances): the run lock and the send
      // claims keep it to one message per recipient.
      const scheduler = t.app.scheduler!;
      const reports = (await Promise.all([scheduler.nudges.tick(), scheduler.nudges.tick()])).flat();
      expect(reports.map((r) => r.status).filter((s) => s === 'error' || s === 'incomplete')).toEqual([]);
      for (const teamId of TEAMS) {
        const state = t.cloud.workspace(teamId).state;
        for (const userId of Object.keys(ZONES)) note(`${teamId} DM ${userId}`, state.dmsTo(userId).length);
        const inChannel = state.messages(DEMO_IDS.dealAcme).filter((m) => m.user !== DEMO_IDS.rep);
        note(`${teamId} channel`, inChannel.length);
      }
    }

    for (const teamId of TEAMS) {
      for (const [userId, zone] of Object.entries(ZONES)) {
        const dms = received.get(`${teamId} DM ${userId}`)!;
        expect(dms, `${teamId} ${userId}`).toHaveLength(1);
        const local = localDateTime(dms[0]!, zone);
        expect([local.day, local.weekday, local.hour, local.minute], `${teamId} ${zone}`).toEqual([
          7, 1, 9, 0,
        ]);
        const text = t.cloud.workspace(teamId).state.dmsTo(userId)[0]!.text;
        expect(text).toBeTruthy();
      }
      const channel = received.get(`${teamId} channel`)!;
      expect(channel.map((d) => d.toISOString())).toEqual(['2026-12-07T17:00:00.000Z']);

      // Every Slack call of the run went out with this workspace's own token.
      const w = t.cloud.workspace(teamId);
      const calls = w.calls().filter((c) => c.method !== 'auth.test');
      expect(calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(4);
      expect(calls.filter((c) => c.method === 'users.info').length).toBeGreaterThan(0);
      expect(new Set(calls.map((c) => c.token))).toEqual(new Set([issuedToken(teamId)]));
    }
    expect(issuedToken('T0ALPHA')).not.toBe(issuedToken('T0BETA'));
    // Zones are cached: users.info about once per user per 6 hours, not on every 15-minute tick.
    const lookups = t.cloud.workspace('T0ALPHA').calls('users.info').length;
    expect(lookups).toBeLessThanOrEqual(3 * 12);

    // The run is finished: Tuesday onwards nothing more, and the next Monday it starts again.
    const runs = await t.repos.nudges.getRun('T0ALPHA', 'T0ALPHA:2026-W50');
    expect(runs?.status).toBe('done');
  }, 120_000);

  it('across the March 2027 clock changes (New York on the 14th, Berlin on the 28th): 09:00 local every Monday, once', async () => {
    const zones = { [DEMO_IDS.rep]: 'America/New_York', [DEMO_IDS.manager]: 'Europe/Berlin' };
    const firstSunday = Date.parse('2027-03-07T00:00:00Z');
    let now = new Date(firstSunday - 20 * 86_400_000);
    t = await startOAuthTestApp({ teams: ['T0ALPHA'], clock: () => now, scheduler: true });
    expect((await t.install('T0ALPHA')).status).toBe(200);
    const state = t.cloud.workspace('T0ALPHA').state;
    for (const [userId, tz] of Object.entries(zones)) state.addUser({ ...state.users.get(userId)!, tz });
    const deal = await linkDeal({ repos: t.repos, ids: DEMO_IDS }, { teamId: 'T0ALPHA' });
    for (const userId of Object.keys(zones)) {
      await t.repos.decisions.create({
        teamId: 'T0ALPHA',
        dealId: deal.id,
        title: `Decision owned by ${userId}`,
        createdBy: DEMO_IDS.rep,
        ourOwnerUserId: userId,
      });
    }
    await t.repos.nudges.startRun('T0ALPHA', 'T0ALPHA:2027-W09', new Date('2027-02-28T19:00:00Z'), now);
    await t.repos.nudges.finishRun(
      'T0ALPHA',
      'T0ALPHA:2027-W09',
      { status: 'done', sentCount: 0, failedCount: 0 },
      now,
    );

    const received = new Map<string, Date[]>(Object.keys(zones).map((u) => [u, []]));
    // Sunday 00:00 to Tuesday 12:00 UTC of four weeks, every 15 minutes (nothing is due in between).
    for (let week = 0; week < 4; week++) {
      const sunday = firstSunday + week * 7 * 86_400_000;
      for (let at = sunday; at <= sunday + 60 * 3_600_000; at += STEP) {
        now = new Date(at);
        await t.app.scheduler!.nudges.tick();
        for (const userId of Object.keys(zones)) {
          const seen = received.get(userId)!;
          while (seen.length < state.dmsTo(userId).length) seen.push(now);
        }
      }
    }
    const utc = (userId: string) => received.get(userId)!.map((d) => d.toISOString().slice(5, 16));
    // New York: 14:00 UTC while on EST, 13:00 UTC from 14 March (EDT).
    expect(utc(DEMO_IDS.rep)).toEqual(['03-08T14:00', '03-15T13:00', '03-22T13:00', '03-29T13:00']);
    // Berlin: 08:00 UTC while on CET, 07:00 UTC from 28 March (CEST).
    expect(utc(DEMO_IDS.manager)).toEqual(['03-08T08:00', '03-15T08:00', '03-22T08:00', '03-29T07:00']);
    for (const [userId, zone] of Object.entries(zones)) {
      for (const sent of received.get(userId)!) {
        const local = localDateTime(sent, zone);
        expect([local.weekday, local.hour, local.minute]).toEqual([1, 9, 0]);
      }
    }
  }, 180_000);
});
