import { describe, expect, it } from 'vitest';
import {
  dealSkipReason,
  effectiveStallDays,
  lastActivity,
  nudgeableDeal,
  stallStatus,
} from '../../../src/domain/nudges/stalled.js';
import { DEFAULT_WORKSPACE_SETTINGS } from '../../../src/domain/workspaces.js';
import { makeDeal, makeDecision } from './fixtures.js';

const DAY = 86_400_000;
const now = new Date('2026-12-07T08:00:00Z'); // Monday 09:00 in Berlin
const opts = { now, stallDays: 7, timeZone: 'Europe/Berlin' };

describe('stallStatus', () => {
  it('is overdue when today in the workspace zone is after the due date', () => {
    const decision = makeDecision({ dueDate: '2026-12-04', lastActivityAt: new Date(now.getTime() - DAY) });
    expect(stallStatus(decision, opts)).toEqual({
      stalled: true,
      reason: 'overdue',
      daysOverdue: 3,
      daysIdle: 1,
      snoozed: false,
    });
  });

  it('is not overdue on the due date itself', () => {
    const decision = makeDecision({ dueDate: '2026-12-07', lastActivityAt: now });
    expect(stallStatus(decision, opts)).toMatchObject({ stalled: false, reason: null, daysOverdue: 0 });
  });

  it('uses the workspace day, not the UTC day, for the due date', () => {
    // 23:30 UTC on Dec 7 is already Dec 8 in Berlin but still Dec 7 in New York.
    const lateEvening = new Date('2026-12-07T23:30:00Z');
    const decision = makeDecision({ dueDate: '2026-12-07', lastActivityAt: lateEvening });
    const base = { now: lateEvening, stallDays: 7 };
    expect(stallStatus(decision, { ...base, timeZone: 'Europe/Berlin' })).toMatchObject({
      reason: 'overdue',
      daysOverdue: 1,
    });
    expect(stallStatus(decision, { ...base, timeZone: 'America/New_York' }).stalled).toBe(false);
  });

  it('is idle once stallDays full days passed without activity', () => {
    const justUnder = makeDecision({ lastActivityAt: new Date(now.getTime() - 7 * DAY + 60_000) });
    const exactly = makeDecision({ lastActivityAt: new Date(now.getTime() - 7 * DAY) });
    const long = makeDecision({ lastActivityAt: new Date(now.getTime() - 12 * DAY - 3_600_000) });
    expect(stallStatus(justUnder, opts)).toMatchObject({ stalled: false, daysIdle: 6 });
    expect(stallStatus(exactly, opts)).toMatchObject({ stalled: true, reason: 'idle', daysIdle: 7 });
    expect(stallStatus(long, opts)).toMatchObject({ stalled: true, reason: 'idle', daysIdle: 12 });
  });

  it('prefers overdue when a decision is both overdue and idle', () => {
    const decision = makeDecision({
      dueDate: '2026-11-30',
      lastActivityAt: new Date(now.getTime() - 20 * DAY),
    });
    expect(stallStatus(decision, opts)).toMatchObject({ reason: 'overdue', daysOverdue: 7, daysIdle: 20 });
  });

  it('counts a thread reply as activity', () => {
    const decision = makeDecision({ lastActivityAt: new Date(now.getTime() - 10 * DAY) });
    const reply = new Date(now.getTime() - 2 * DAY);
    expect(lastActivity(decision, reply)).toBe(reply);
    expect(stallStatus(decision, { ...opts, lastReplyAt: reply })).toMatchObject({
      stalled: false,
      daysIdle: 2,
    });
  });

  it('does not nudge a snoozed decision until the snooze ends', () => {
    const old = new Date(now.getTime() - 30 * DAY);
    const snoozed = makeDecision({
      dueDate: '2026-11-01',
      lastActivityAt: old,
      snoozedUntil: new Date(now.getTime() + 1),
    });
    const ended = makeDecision({ dueDate: '2026-11-01', lastActivityAt: old, snoozedUntil: now });
    expect(stallStatus(snoozed, opts)).toMatchObject({
      stalled: false,
      reason: null,
      snoozed: true,
      daysOverdue: 36,
    });
    expect(stallStatus(ended, opts)).toMatchObject({ stalled: true, reason: 'overdue', snoozed: false });
  });

  it('never stalls decided or dropped decisions', () => {
    const old = new Date(now.getTime() - 30 * DAY);
    for (const status of ['decided', 'dropped'] as const) {
      const decision = makeDecision({ status, dueDate: '2026-11-01', lastActivityAt: old });
      expect(stallStatus(decision, opts)).toMatchObject({ stalled: false, reason: null });
    }
  });

  it('ignores a malformed due date instead of throwing', () => {
    const decision = makeDecision({ dueDate: '2026-02-30', lastActivityAt: now });
    expect(stallStatus(decision, opts)).toMatchObject({ stalled: false, daysOverdue: 0 });
  });
});

describe('effectiveStallDays', () => {
  it('uses the deal override, else the workspace setting', () => {
    const settings = { ...DEFAULT_WORKSPACE_SETTINGS, stallDays: 10 };
    expect(effectiveStallDays(makeDeal({ stallDays: 3 }), settings)).toBe(3);
    expect(effectiveStallDays(makeDeal({ stallDays: null }), settings)).toBe(10);
    expect(effectiveStallDays(makeDeal(), DEFAULT_WORKSPACE_SETTINGS)).toBe(7);
  });

  it('falls back when a stored value is not a positive whole number', () => {
    expect(effectiveStallDays(makeDeal({ stallDays: 0 }), { stallDays: 5 })).toBe(5);
    expect(effectiveStallDays(makeDeal({ stallDays: -2 }), { stallDays: Number.NaN })).toBe(7);
  });
});

describe('nudgeableDeal', () => {
  it('nudges active, unmuted deals only', () => {
    expect(nudgeableDeal(makeDeal())).toBe(true);
    expect(dealSkipReason(makeDeal({ archived: true }))).toBe('archived');
    expect(dealSkipReason(makeDeal({ stage: 'Closed Won' }))).toBe('closed');
    expect(dealSkipReason(makeDeal({ stage: 'closed lost' }))).toBe('closed');
    expect(dealSkipReason(makeDeal({ nudgesMuted: true }))).toBe('muted');
    expect(nudgeableDeal(makeDeal({ nudgesMuted: true }))).toBe(false);
  });
});
