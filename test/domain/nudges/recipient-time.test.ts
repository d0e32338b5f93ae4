import { describe, expect, it } from 'vitest';
import { dueTeamRun, recipientSlot } from '../../../src/domain/nudges/recipient-time.js';
import { localDateTime } from '../../../src/domain/time/zoned-time.js';
import { DEFAULT_WORKSPACE_SETTINGS } from '../../../src/domain/workspaces.js';

const settings = { ...DEFAULT_WORKSPACE_SETTINGS, nudgesEnabled: true };
const MINUTE = 60_000;

/**
 * What the job decides tick by tick (run-weekly-nudges.ts): the team's open run, each recipient whose own slot
 * came, one send key per recipient per run, and the run recorded done once its window closed. `down` ticks are
 * skipped (the app was not running).
 */
function simulate(
  zones: Record<string, string>,
  from: string,
  to: string,
  options: { stepMinutes?: number; down?: (now: Date) => boolean } = {},
): Map<string, Date[]> {
  const step = (options.stepMinutes ?? 5) * MINUTE;
  const sent = new Set<string>();
  const received = new Map<string, Date[]>(Object.keys(zones).map((user) => [user, []]));
  // The week before `from` had its run already.
  let lastRunKey = dueTeamRun('T1', settings, null, new Date(from))?.runKey ?? null;
  for (let at = Date.parse(from); at <= Date.parse(to); at += step) {
    const now = new Date(at);
    if (options.down?.(now)) continue;
    const run = dueTeamRun('T1', settings, lastRunKey, now);
    if (!run) continue;
    for (const [user, zone] of Object.entries(zones)) {
      const key = `${run.runKey}:${user}:digest`;
      if (sent.has(key) || !recipientSlot(settings, zone, run.weekKey, now)) continue;
      sent.add(key);
      received.get(user)!.push(now);
    }
    if (at >= run.closesAt.getTime()) lastRunKey = run.runKey;
  }
  return received;
}

const local = (instant: Date, zone: string) => {
  const t = localDateTime(instant, zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)} (${'SMTWTFS'[t.weekday]})`;
};

describe('each recipient gets the weekly run at Monday 09:00 on their own clock', () => {
  it('three reps in three zones, Sunday to Tuesday UTC in 5-minute ticks: one DM each at their 09:00', () => {
    const zones = { la: 'America/Los_Angeles', berlin: 'Europe/Berlin', kolkata: 'Asia/Kolkata' };
    const got = simulate(zones, '2026-12-06T00:00:00Z', '2026-12-08T23:55:00Z');
    expect(got.get('kolkata')!.map((d) => d.toISOString())).toEqual(['2026-12-07T03:30:00.000Z']);
    expect(got.get('berlin')!.map((d) => d.toISOString())).toEqual(['2026-12-07T08:00:00.000Z']);
    expect(got.get('la')!.map((d) => d.toISOString())).toEqual(['2026-12-07T17:00:00.000Z']);
    for (const [user, zone] of Object.entries(zones)) {
      expect(local(got.get(user)![0]!, zone)).toBe('2026-12-07 09:00 (M)');
    }
  });

  it('the zones at the ends of the world are inside the run window (UTC+14 and UTC-11)', () => {
    const zones = { kiritimati: 'Pacific/Kiritimati', pagoPago: 'Pacific/Pago_Pago' };
    const got = simulate(zones, '2026-12-05T00:00:00Z', '2026-12-09T00:00:00Z');
    expect(got.get('kiritimati')!.map((d) => d.toISOString())).toEqual(['2026-12-06T19:00:00.000Z']);
    expect(got.get('pagoPago')!.map((d) => d.toISOString())).toEqual(['2026-12-07T20:00:00.000Z']);
  });

  it.each([
    ['Europe/Berlin, spring forward (Sunday 28 March 2027)', 'Europe/Berlin', '2027-03-19', '2027-04-07'],
    ['Europe/Berlin, fall back (Sunday 31 October 2027)', 'Europe/Berlin', '2027-10-22', '2027-11-10'],
    [
      'America/New_York, spring forward (Sunday 14 March 2027)',
      'America/New_York',
      '2027-03-05',
      '2027-03-24',
    ],
    ['America/New_York, fall back (Sunday 7 November 2027)', 'America/New_York', '2027-10-29', '2027-11-17'],
  ])('%s: still 09:00 local every Monday, never twice, never skipped', (_name, zone, from, to) => {
    const got = simulate({ rep: zone }, `${from}T00:00:00Z`, `${to}T00:00:00Z`).get('rep')!;
    // Three Mondays: before, right after and a week after the change.
    expect(got).toHaveLength(3);
    expect(got.map((d) => local(d, zone).slice(11))).toEqual(['09:00 (M)', '09:00 (M)', '09:00 (M)']);
    const offsets = got.map((d) => d.getUTCHours());
    expect(new Set(offsets).size).toBe(2); // the UTC hour moved with the clocks
  });

  it('a Monday the app was down for is sent once when it is back the same week; a later week is not doubled', () => {
    const zones = { berlin: 'Europe/Berlin', la: 'America/Los_Angeles' };
    const mondayOutage = (now: Date) =>
      now.getTime() >= Date.parse('2026-12-06T12:00:00Z') &&
      now.getTime() < Date.parse('2026-12-09T10:00:00Z');
    const got = simulate(zones, '2026-12-06T00:00:00Z', '2026-12-15T00:00:00Z', { down: mondayOutage });
    for (const user of ['berlin', 'la']) {
      expect(got.get(user)!.map((d) => d.toISOString())).toEqual([
        '2026-12-09T10:00:00.000Z',
        user === 'berlin' ? '2026-12-14T08:00:00.000Z' : '2026-12-14T17:00:00.000Z',
      ]);
    }
  });

  it('with 15-minute ticks each rep gets it within 15 minutes after 09:00 local', () => {
    const zones = { la: 'America/Los_Angeles', berlin: 'Europe/Berlin', kolkata: 'Asia/Kolkata' };
    const got = simulate(zones, '2026-12-06T00:07:00Z', '2026-12-08T23:55:00Z', { stepMinutes: 15 });
    for (const [user, zone] of Object.entries(zones)) {
      const [sent, ...more] = got.get(user)!;
      expect(more).toEqual([]);
      const t = localDateTime(sent!, zone);
      expect([t.weekday, t.hour]).toEqual([1, 9]);
      expect(t.minute).toBeLessThan(15);
    }
  });

  it('is off when nudges are off, and the run window spans the slot in UTC+14 to UTC-12', () => {
    expect(
      dueTeamRun('T1', { ...settings, nudgesEnabled: false }, null, new Date('2026-12-07T12:00:00Z')),
    ).toBeNull();
    const run = dueTeamRun('T1', settings, null, new Date('2026-12-07T12:00:00Z'))!;
    expect(run).toMatchObject({ runKey: 'T1:2026-W50', weekKey: '2026-W50' });
    expect(run.scheduledFor.toISOString()).toBe('2026-12-06T19:00:00.000Z');
    expect(run.closesAt.toISOString()).toBe('2026-12-07T21:00:00.000Z');
    expect(dueTeamRun('T1', settings, 'T1:2026-W50', new Date('2026-12-07T22:00:00Z'))).toBeNull();
    expect(
      recipientSlot(settings, 'America/Los_Angeles', '2026-W50', new Date('2026-12-07T16:59:00Z')),
    ).toBeNull();
  });
});
