import { describe, expect, it } from 'vitest';
import {
  dueRun,
  isDue,
  nextRunAt,
  nudgeScheduleSchema,
  previousRunAt,
  runKey,
  weekKey,
} from '../../../src/domain/nudges/schedule.js';
import { zonedTimeToInstant } from '../../../src/domain/time/zoned-time.js';
import { DEFAULT_WORKSPACE_SETTINGS } from '../../../src/domain/workspaces.js';

const berlinMonday = { day: 1, time: '09:00', timeZone: 'Europe/Berlin' };

describe('nextRunAt', () => {
  it('finds the next Monday 09:00 in the workspace zone', () => {
    // Thursday Nov 26 2026 -> Monday Nov 30, 09:00 CET = 08:00 UTC
    expect(nextRunAt(berlinMonday, new Date('2026-11-26T12:00:00Z')).toISOString()).toBe(
      '2026-11-30T08:00:00.000Z',
    );
  });

  it('returns today when the slot is still ahead and next week when it just passed', () => {
    expect(nextRunAt(berlinMonday, new Date('2026-11-30T07:59:00Z')).toISOString()).toBe(
      '2026-11-30T08:00:00.000Z',
    );
    expect(nextRunAt(berlinMonday, new Date('2026-11-30T08:00:00Z')).toISOString()).toBe(
      '2026-12-07T08:00:00.000Z',
    );
  });

  it('keeps 09:00 local across the Berlin fall-back (last Sunday of October)', () => {
    // Oct 25 2026 is the last Sunday of October: CEST (+2) before, CET (+1) after.
    const sunday = { day: 0, time: '09:00', timeZone: 'Europe/Berlin' };
    const before = nextRunAt(sunday, new Date('2026-10-19T00:00:00Z'));
    expect(before.toISOString()).toBe('2026-10-25T08:00:00.000Z');
    expect(nextRunAt(sunday, before).toISOString()).toBe('2026-11-01T08:00:00.000Z');
    const monday = nextRunAt(berlinMonday, new Date('2026-10-20T00:00:00Z'));
    expect(monday.toISOString()).toBe('2026-10-26T08:00:00.000Z');
    expect(nextRunAt(berlinMonday, new Date('2026-10-13T00:00:00Z')).toISOString()).toBe(
      '2026-10-19T07:00:00.000Z',
    );
  });

  it('keeps 09:00 local across the New York spring-forward (second Sunday of March)', () => {
    const ny = { day: 1, time: '09:00', timeZone: 'America/New_York' };
    const first = nextRunAt(ny, new Date('2026-03-01T00:00:00Z'));
    expect(first.toISOString()).toBe('2026-03-02T14:00:00.000Z'); // EST -5
    expect(nextRunAt(ny, first).toISOString()).toBe('2026-03-09T13:00:00.000Z'); // EDT -4
  });

  it('handles a wall time skipped or repeated by DST', () => {
    const skipped = nextRunAt(
      { day: 0, time: '02:30', timeZone: 'America/New_York' },
      new Date('2026-03-07T00:00:00Z'),
    );
    expect(skipped.toISOString()).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT, moved forward by the gap
    const repeated = nextRunAt(
      { day: 0, time: '02:30', timeZone: 'Europe/Berlin' },
      new Date('2026-10-24T00:00:00Z'),
    );
    expect(repeated.toISOString()).toBe('2026-10-25T00:30:00.000Z'); // first 02:30, still CEST
    expect(nextRunAt({ day: 0, time: '02:30', timeZone: 'Europe/Berlin' }, repeated).toISOString()).toBe(
      '2026-11-01T01:30:00.000Z',
    );
  });

  it('works for zones ahead of UTC where the local day differs', () => {
    const auckland = { day: 1, time: '08:00', timeZone: 'Pacific/Auckland' };
    // Sunday Nov 29 20:00 UTC is Monday Nov 30 09:00 in Auckland (NZDT +13): today's slot has passed.
    expect(nextRunAt(auckland, new Date('2026-11-29T20:00:00Z')).toISOString()).toBe(
      '2026-12-06T19:00:00.000Z',
    );
  });

  it('rejects invalid schedules', () => {
    expect(() => nextRunAt({ day: 7, time: '09:00', timeZone: 'UTC' }, new Date())).toThrow(/day/);
    expect(() => nextRunAt({ day: 1, time: '9am', timeZone: 'UTC' }, new Date())).toThrow(/time/);
    expect(nudgeScheduleSchema.safeParse({ day: 1, time: '09:00', timeZone: 'Mars/Olympus' }).success).toBe(
      false,
    );
    expect(nudgeScheduleSchema.safeParse({ day: 1, time: '24:00', timeZone: 'UTC' }).success).toBe(false);
    expect(nudgeScheduleSchema.safeParse(berlinMonday).success).toBe(true);
  });
});

describe('previousRunAt', () => {
  it('is the latest slot at or before now', () => {
    expect(previousRunAt(berlinMonday, new Date('2026-11-30T08:00:00Z')).toISOString()).toBe(
      '2026-11-30T08:00:00.000Z',
    );
    expect(previousRunAt(berlinMonday, new Date('2026-11-30T07:59:59Z')).toISOString()).toBe(
      '2026-11-23T08:00:00.000Z',
    );
  });
});

describe('weekKey', () => {
  it('uses ISO weeks at year boundaries', () => {
    expect(weekKey(new Date('2026-12-31T12:00:00Z'), 'UTC')).toBe('2026-W53');
    expect(weekKey(new Date('2027-01-03T12:00:00Z'), 'UTC')).toBe('2026-W53');
    expect(weekKey(new Date('2027-01-04T12:00:00Z'), 'UTC')).toBe('2027-W01');
    expect(weekKey(new Date('2024-12-30T12:00:00Z'), 'UTC')).toBe('2025-W01');
    expect(weekKey(new Date('2021-01-03T12:00:00Z'), 'UTC')).toBe('2020-W53');
    expect(weekKey(new Date('2026-11-30T08:00:00Z'), 'UTC')).toBe('2026-W49');
  });

  it('uses the local day in the workspace zone', () => {
    // Sunday Jan 3 2027 23:30 UTC is already Monday Jan 4 in Berlin.
    const instant = new Date('2027-01-03T23:30:00Z');
    expect(weekKey(instant, 'UTC')).toBe('2026-W53');
    expect(weekKey(instant, 'Europe/Berlin')).toBe('2027-W01');
  });

  it('builds run keys per team', () => {
    expect(runKey('T1', new Date('2026-11-30T08:00:00Z'), 'Europe/Berlin')).toBe('T1:2026-W49');
  });
});

describe('isDue / dueRun', () => {
  const settings = { ...DEFAULT_WORKSPACE_SETTINGS, timeZone: 'Europe/Berlin' };
  const mondayNine = zonedTimeToInstant({ year: 2026, month: 11, day: 30 }, 9, 0, 'Europe/Berlin');

  it('is due once the slot has passed and this week has no run', () => {
    expect(isDue(settings, 'T1:2026-W48', new Date(mondayNine.getTime() - 1))).toBe(false);
    expect(isDue(settings, 'T1:2026-W48', mondayNine)).toBe(true);
    expect(isDue(settings, null, mondayNine)).toBe(true);
    expect(dueRun('T1', settings, 'T1:2026-W48', mondayNine)).toEqual({
      scheduledFor: mondayNine,
      weekKey: '2026-W49',
      runKey: 'T1:2026-W49',
    });
  });

  it('is not due again after this week ran, and catches up later in the week after downtime', () => {
    const wednesday = new Date('2026-12-02T15:00:00Z');
    expect(isDue(settings, 'T1:2026-W49', wednesday)).toBe(false);
    expect(dueRun('T1', settings, 'T1:2026-W48', wednesday)?.scheduledFor).toEqual(mondayNine);
  });

  it('is never due when nudges are disabled', () => {
    expect(isDue({ ...settings, nudgesEnabled: false }, null, mondayNine)).toBe(false);
  });
});
