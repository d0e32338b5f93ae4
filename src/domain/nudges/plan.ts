import type { Deal } from '../deals.js';
import type { Decision } from '../decisions.js';
import type { Entry, EntryKind } from '../entries.js';
import type { Stakeholder } from '../stakeholders.js';
import type { WorkspaceSettings } from '../workspaces.js';
import { stallLabel } from './labels.js';
import { type NextStep, suggestNextStep } from './next-step.js';
import { runKey as makeRunKey } from './schedule.js';
import { customerEntries } from './signals.js';
import {
  type DealSkipReason,
  dealSkipReason,
  effectiveStallDays,
  type StallReason,
  stallStatus,
} from './stalled.js';

export interface NudgeItem {
  decisionId: number;
  dealId: number;
  title: string;
  customerOwner: { id: number; name: string } | null;
  ourOwnerUserId: string | null;
  dueDate: string | null;
  threadTs: string | null;
  reason: StallReason;
  daysOverdue: number;
  daysIdle: number;
  /** "3 days overdue" / "idle 12 days" */
  label: string;
  /** The customer entries (drivers, constraints, ...) the decision is linked to. */
  related: { id: number; kind: EntryKind; statement: string }[];
  nextStep: NextStep;
}

export interface ChannelNudgeItem extends NudgeItem {
  /** Record after posting: `${runKey}:${decisionId}:channel`. */
  sendKey: string;
}

export interface ChannelNudge {
  dealId: number;
  channelId: string;
  accountName: string;
  dealName: string;
  items: ChannelNudgeItem[];
}

export interface DigestItem extends NudgeItem {
  channelId: string;
  accountName: string;
  dealName: string;
}

export interface OwnerDigest {
  userId: string;
  /** Record after sending: `${runKey}:${userId}:digest`. */
  sendKey: string;
  items: DigestItem[];
}

export type PlanSkipReason =
  | 'nudges_disabled'
  | 'other_team'
  | 'other_deal'
  | DealSkipReason
  | 'not_open'
  | 'snoozed'
  | 'not_stalled'
  | 'no_owner'
  | 'already_sent';

export interface SkippedNudge {
  scope: 'workspace' | 'deal' | 'decision' | 'digest';
  reason: PlanSkipReason;
  dealId?: number;
  decisionId?: number;
  userId?: string;
  sendKey?: string;
}

export interface PlanInput {
  now: Date;
  teamId: string;
  workspaceSettings: WorkspaceSettings;
  /** The run being executed (from dueRun); defaults to the run key of `now`'s week. */
  runKey?: string;
  deals: readonly Deal[];
  decisionsByDeal: ReadonlyMap<number, readonly Decision[]>;
  entriesByDeal: ReadonlyMap<number, readonly Entry[]>;
  stakeholdersByDeal: ReadonlyMap<number, readonly Stakeholder[]>;
  /** Latest thread reply per decision id, when not yet folded into lastActivityAt. */
  lastReplyAtByDecision?: ReadonlyMap<number, Date>;
  /** Send keys recorded by earlier attempts of this run. */
  alreadySent: ReadonlySet<string>;
}

export interface NudgePlan {
  runKey: string;
  channelNudges: ChannelNudge[];
  ownerDigests: OwnerDigest[];
  skipped: SkippedNudge[];
}

export const channelSendKey = (runKey: string, decisionId: number): string =>
  `${runKey}:${decisionId}:channel`;
export const digestSendKey = (runKey: string, userId: string): string => `${runKey}:${userId}:digest`;

/** Overdue before idle, longest first, then by id. */
function byUrgency(a: NudgeItem, b: NudgeItem): number {
  const rank = (item: NudgeItem) => (item.reason === 'overdue' ? 0 : 1);
  return (
    rank(a) - rank(b) ||
    b.daysOverdue - a.daysOverdue ||
    b.daysIdle - a.daysIdle ||
    a.decisionId - b.decisionId
  );
}

function buildItem(input: PlanInput, deal: Deal, decision: Decision): NudgeItem | PlanSkipReason {
  if (decision.teamId !== input.teamId) return 'other_team';
  if (decision.dealId !== deal.id) return 'other_deal';
  const timeZone = input.workspaceSettings.timeZone;
  const stall = stallStatus(decision, {
    now: input.now,
    stallDays: effectiveStallDays(deal, input.workspaceSettings),
    timeZone,
    lastReplyAt: input.lastReplyAtByDecision?.get(decision.id) ?? null,
  });
  if (decision.status !== 'open') return 'not_open';
  if (stall.snoozed) return 'snoozed';
  if (!stall.stalled || !stall.reason) return 'not_stalled';

  const allEntries = customerEntries(input.entriesByDeal.get(deal.id) ?? []).filter(
    (entry) => entry.teamId === input.teamId,
  );
  const relatedIds = new Set(decision.relatedEntryIds);
  const allRelated = allEntries.filter((entry) => relatedIds.has(entry.id)).sort((a, b) => a.id - b.id);
  // Nudges are posted in the deal channel: internal-only entries weigh in the diagnosis, never appear in it.
  const relatedEntries = allRelated.filter((entry) => !entry.internalOnly);
  const stakeholders = (input.stakeholdersByDeal.get(deal.id) ?? []).filter((s) => s.teamId === input.teamId);
  const owner = stakeholders.find((s) => s.id === decision.customerOwnerId);
  return {
    decisionId: decision.id,
    dealId: deal.id,
    title: decision.title,
    customerOwner: owner ? { id: owner.id, name: owner.name } : null,
    ourOwnerUserId: decision.ourOwnerUserId,
    dueDate: decision.dueDate,
    threadTs: decision.threadTs,
    reason: stall.reason,
    daysOverdue: stall.daysOverdue,
    daysIdle: stall.daysIdle,
    label: stallLabel(stall),
    related: relatedEntries.map((entry) => ({ id: entry.id, kind: entry.kind, statement: entry.statement })),
    nextStep: suggestNextStep({
      decision,
      relatedEntries: allRelated,
      dealEntries: allEntries,
      stakeholders,
      stall,
      timeZone,
    }),
  };
}

/**
 * What one weekly run should send: per deal channel one message with its stalled decisions, per owner one DM
 * across deals. Send keys already in `alreadySent` are skipped so a resumed run sends nothing twice.
 */
export function planNudges(input: PlanInput): NudgePlan {
  const settings = input.workspaceSettings;
  const runKey = input.runKey ?? makeRunKey(input.teamId, input.now, settings.timeZone);
  const plan: NudgePlan = { runKey, channelNudges: [], ownerDigests: [], skipped: [] };
  if (!settings.nudgesEnabled) {
    plan.skipped.push({ scope: 'workspace', reason: 'nudges_disabled' });
    return plan;
  }

  const digestItems = new Map<string, DigestItem[]>();
  const deals = [...input.deals].sort((a, b) => a.id - b.id);
  for (const deal of deals) {
    const dealReason = deal.teamId !== input.teamId ? 'other_team' : dealSkipReason(deal);
    if (dealReason) {
      plan.skipped.push({ scope: 'deal', reason: dealReason, dealId: deal.id });
      continue;
    }
    const decisions = [...(input.decisionsByDeal.get(deal.id) ?? [])].sort((a, b) => a.id - b.id);
    const items: NudgeItem[] = [];
    for (const decision of decisions) {
      const built = buildItem(input, deal, decision);
      if (typeof built === 'string') {
        plan.skipped.push({ scope: 'decision', reason: built, dealId: deal.id, decisionId: decision.id });
      } else {
        items.push(built);
      }
    }
    items.sort(byUrgency);

    const channelItems: ChannelNudgeItem[] = [];
    for (const item of items) {
      const sendKey = channelSendKey(runKey, item.decisionId);
      if (input.alreadySent.has(sendKey)) {
        plan.skipped.push({
          scope: 'decision',
          reason: 'already_sent',
          dealId: deal.id,
          decisionId: item.decisionId,
          sendKey,
        });
      } else {
        channelItems.push({ ...item, sendKey });
      }
      const where = { channelId: deal.channelId, accountName: deal.accountName, dealName: deal.dealName };
      if (item.ourOwnerUserId) {
        const list = digestItems.get(item.ourOwnerUserId) ?? [];
        list.push({ ...item, ...where });
        digestItems.set(item.ourOwnerUserId, list);
      } else {
        plan.skipped.push({
          scope: 'digest',
          reason: 'no_owner',
          dealId: deal.id,
          decisionId: item.decisionId,
        });
      }
    }
    if (channelItems.length > 0) {
      plan.channelNudges.push({
        dealId: deal.id,
        channelId: deal.channelId,
        accountName: deal.accountName,
        dealName: deal.dealName,
        items: channelItems,
      });
    }
  }

  for (const userId of [...digestItems.keys()].sort()) {
    const sendKey = digestSendKey(runKey, userId);
    if (input.alreadySent.has(sendKey)) {
      plan.skipped.push({ scope: 'digest', reason: 'already_sent', userId, sendKey });
      continue;
    }
    const items = (digestItems.get(userId) ?? []).sort((a, b) => a.dealId - b.dealId || byUrgency(a, b));
    plan.ownerDigests.push({ userId, sendKey, items });
  }
  return plan;
}
