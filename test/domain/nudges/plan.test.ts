import { describe, expect, it } from 'vitest';
import type { Deal } from '../../../src/domain/deals.js';
import type { Decision } from '../../../src/domain/decisions.js';
import {
  channelSendKey,
  digestSendKey,
  type PlanInput,
  planNudges,
} from '../../../src/domain/nudges/plan.js';
import { DEFAULT_WORKSPACE_SETTINGS } from '../../../src/domain/workspaces.js';
import { makeDeal, makeDecision, makeEntry, makeStakeholder, TEAM } from './fixtures.js';

const DAY = 86_400_000;
const now = new Date('2026-11-30T08:00:00Z'); // Monday 09:00 Berlin, ISO week 2026-W49
const ago = (days: number) => new Date(now.getTime() - days * DAY);
const settings = { ...DEFAULT_WORKSPACE_SETTINGS, timeZone: 'Europe/Berlin' };

const acme = makeDeal({ id: 1, channelId: 'C0ACME', dealName: 'Acme routing' });
const bolt = makeDeal({
  id: 2,
  channelId: 'C0BOLT',
  accountName: 'Bolt',
  dealName: 'Bolt pilot',
  stallDays: 3,
});
const muted = makeDeal({ id: 3, channelId: 'C0MUTE', nudgesMuted: true });
const archived = makeDeal({ id: 4, channelId: 'C0ARCH', archived: true });
const won = makeDeal({ id: 5, channelId: 'C0WON', stage: 'closed won' });
const foreign = makeDeal({ id: 6, teamId: 'T0OTHER', channelId: 'C0FOREIGN' });

const driver = makeEntry({ id: 100, dealId: 1, kind: 'driver', quote: 'we lose three days per shipment' });
const risk = makeEntry({
  id: 101,
  dealId: 1,
  kind: 'risk',
  statement: 'Rollout could disrupt peak season',
  severity: 'high',
});
const calm = makeEntry({
  id: 200,
  dealId: 2,
  kind: 'driver',
  statement: 'Nicer reports',
  quote: 'reports would be nicer',
});
const dana = makeStakeholder({ id: 500, dealId: 1, name: 'Dana Lee' });

const decisions: Decision[] = [
  makeDecision({
    id: 11,
    dealId: 1,
    title: 'Pilot region',
    dueDate: '2026-11-25',
    lastActivityAt: ago(1),
    customerOwnerId: 500,
    relatedEntryIds: [100, 101],
  }),
  makeDecision({
    id: 12,
    dealId: 1,
    title: 'Security review',
    lastActivityAt: ago(12),
    ourOwnerUserId: 'U0AMY',
  }),
  makeDecision({ id: 13, dealId: 1, title: 'Fresh', lastActivityAt: ago(2) }),
  makeDecision({
    id: 14,
    dealId: 1,
    title: 'Snoozed',
    lastActivityAt: ago(30),
    snoozedUntil: new Date(now.getTime() + DAY),
  }),
  makeDecision({ id: 15, dealId: 1, title: 'Done', status: 'decided', lastActivityAt: ago(30) }),
  makeDecision({
    id: 16,
    dealId: 1,
    title: 'Gone',
    status: 'dropped',
    dueDate: '2026-10-01',
    lastActivityAt: ago(30),
  }),
  makeDecision({ id: 21, dealId: 2, title: 'Budget owner', lastActivityAt: ago(4), relatedEntryIds: [200] }),
  makeDecision({ id: 22, dealId: 2, title: 'Unowned', ourOwnerUserId: null, lastActivityAt: ago(5) }),
  makeDecision({ id: 31, dealId: 3, lastActivityAt: ago(30) }),
  makeDecision({ id: 41, dealId: 4, lastActivityAt: ago(30) }),
  makeDecision({ id: 51, dealId: 5, lastActivityAt: ago(30) }),
  makeDecision({ id: 61, dealId: 6, teamId: 'T0OTHER', lastActivityAt: ago(30) }),
];

function groupBy<T extends { dealId: number }>(rows: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) map.set(row.dealId, [...(map.get(row.dealId) ?? []), row]);
  return map;
}

function input(
  overrides: Partial<PlanInput> = {},
  deals: Deal[] = [won, bolt, foreign, acme, muted, archived],
): PlanInput {
  return {
    now,
    teamId: TEAM,
    workspaceSettings: settings,
    deals,
    decisionsByDeal: groupBy(decisions),
    entriesByDeal: groupBy([driver, risk, calm]),
    stakeholdersByDeal: groupBy([dana]),
    alreadySent: new Set(),
    ...overrides,
  };
}

describe('planNudges', () => {
  const plan = planNudges(input());

  it('nudges stalled decisions of active deals, one message per deal, in deal order', () => {
    expect(plan.runKey).toBe(`${TEAM}:2026-W49`);
    expect(plan.channelNudges.map((n) => [n.channelId, n.items.map((i) => i.decisionId)])).toEqual([
      ['C0ACME', [11, 12]],
      ['C0BOLT', [22, 21]],
    ]);
  });

  it('carries stall info, related entries and a grounded next step', () => {
    const [overdue, idle] = plan.channelNudges[0]!.items;
    expect(overdue).toMatchObject({
      reason: 'overdue',
      daysOverdue: 5,
      label: '5 days overdue',
      customerOwner: { id: 500, name: 'Dana Lee' },
      related: [
        { id: 100, kind: 'driver' },
        { id: 101, kind: 'risk' },
      ],
      sendKey: `${TEAM}:2026-W49:11:channel`,
    });
    expect(overdue!.nextStep.pattern).toBe('indecision');
    expect(overdue!.nextStep.groundedOn).toEqual([101]);
    expect(overdue!.nextStep.text).toMatch(/^Ask Dana what changed since Nov 29/);
    expect(idle).toMatchObject({
      reason: 'idle',
      daysIdle: 12,
      label: 'idle 12 days',
      ourOwnerUserId: 'U0AMY',
    });
  });

  it('applies the per-deal stall days override', () => {
    // Bolt uses 3 days: 4 and 5 idle days are stalled there, while 2 days on Acme (default 7) is not.
    const bolt = plan.channelNudges[1]!.items;
    expect(bolt.map((i) => [i.decisionId, i.daysIdle])).toEqual([
      [22, 5],
      [21, 4],
    ]);
    expect(bolt[1]!.nextStep.pattern).toBe('status_quo');
    expect(bolt[1]!.nextStep.text).toContain('"reports would be nicer"');
  });

  it('records why everything else was skipped', () => {
    const reasons = plan.skipped.map((s) => `${s.scope}:${s.dealId ?? ''}:${s.decisionId ?? ''}:${s.reason}`);
    expect(reasons).toEqual([
      'decision:1:13:not_stalled',
      'decision:1:14:snoozed',
      'decision:1:15:not_open',
      'decision:1:16:not_open',
      'digest:2:22:no_owner',
      'deal:3::muted',
      'deal:4::archived',
      'deal:5::closed',
      'deal:6::other_team',
    ]);
  });

  it('builds one digest per owner across deals', () => {
    expect(
      plan.ownerDigests.map((d) => [
        d.userId,
        d.sendKey,
        d.items.map((i) => `${i.channelId}/${i.decisionId}`),
      ]),
    ).toEqual([
      ['U0AMY', `${TEAM}:2026-W49:U0AMY:digest`, ['C0ACME/12']],
      ['U0REP', `${TEAM}:2026-W49:U0REP:digest`, ['C0ACME/11', 'C0BOLT/21']],
    ]);
  });

  it('is deterministic whatever the input order', () => {
    const shuffled = planNudges(
      input({ decisionsByDeal: groupBy([...decisions].reverse()) }, [
        archived,
        acme,
        muted,
        foreign,
        bolt,
        won,
      ]),
    );
    expect(shuffled).toEqual(plan);
  });

  it('skips what a previous attempt of the same run already sent', () => {
    const runKey = `${TEAM}:2026-W49`;
    const alreadySent = new Set([
      channelSendKey(runKey, 11),
      channelSendKey(runKey, 21),
      channelSendKey(runKey, 22),
      digestSendKey(runKey, 'U0REP'),
      channelSendKey(`${TEAM}:2026-W48`, 12), // last week's run does not count
    ]);
    const resumed = planNudges(input({ alreadySent, runKey }));
    expect(resumed.channelNudges.map((n) => [n.channelId, n.items.map((i) => i.decisionId)])).toEqual([
      ['C0ACME', [12]],
    ]);
    expect(resumed.ownerDigests.map((d) => d.userId)).toEqual(['U0AMY']);
    expect(resumed.skipped.filter((s) => s.reason === 'already_sent').map((s) => s.sendKey)).toEqual([
      `${runKey}:11:channel`,
      `${runKey}:22:channel`, // Bolt items run in urgency order: 22 (idle 5) before 21 (idle 4)
      `${runKey}:21:channel`,
      `${runKey}:U0REP:digest`,
    ]);
  });

  it('counts a recent thread reply as activity', () => {
    const replies = new Map([[12, ago(1)]]);
    const withReply = planNudges(input({ lastReplyAtByDecision: replies }));
    expect(withReply.channelNudges[0]!.items.map((i) => i.decisionId)).toEqual([11]);
  });

  it('sends nothing when the workspace turned nudges off', () => {
    const off = planNudges(input({ workspaceSettings: { ...settings, nudgesEnabled: false } }));
    expect(off.channelNudges).toEqual([]);
    expect(off.ownerDigests).toEqual([]);
    expect(off.skipped).toEqual([{ scope: 'workspace', reason: 'nudges_disabled' }]);
  });

  it('ignores decisions and entries filed under the wrong team or deal', () => {
    const stray = makeDecision({ id: 99, dealId: 2, lastActivityAt: ago(30) });
    const foreignEntry = makeEntry({ id: 300, dealId: 1, teamId: 'T0OTHER', kind: 'risk', severity: 'high' });
    const result = planNudges(
      input({ decisionsByDeal: new Map([[1, [stray]]]), entriesByDeal: new Map([[1, [foreignEntry]]]) }, [
        acme,
      ]),
    );
    expect(result.channelNudges).toEqual([]);
    expect(result.skipped).toEqual([{ scope: 'decision', reason: 'other_deal', dealId: 1, decisionId: 99 }]);
    const own = makeDecision({ id: 98, dealId: 1, lastActivityAt: ago(30), relatedEntryIds: [300] });
    const grounded = planNudges(
      input({ decisionsByDeal: new Map([[1, [own]]]), entriesByDeal: new Map([[1, [foreignEntry]]]) }, [
        acme,
      ]),
    );
    expect(grounded.channelNudges[0]!.items[0]!.related).toEqual([]);
    expect(grounded.channelNudges[0]!.items[0]!.nextStep.groundedOn).toEqual([]);
  });
});
