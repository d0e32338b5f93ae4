import type { Deal } from '../domain/deals.js';
import type { Decision } from '../domain/decisions.js';
import { localDateString } from '../domain/nudges/index.js';
import type { ItemResolution } from '../domain/nudges/resolution.js';
import type { Repositories } from '../storage/ports.js';

export const SNOOZE_DAYS = 7;
const DAY_MS = 86_400_000;

export interface NudgeTargetInput {
  teamId: string;
  channelId: string;
  messageTs: string;
  /** Untrusted: from a button value or private_metadata. */
  decisionId: number;
}

export type NudgeTarget =
  | { ok: true; decision: Decision; deal: Deal }
  | { ok: false; reason: 'not_found' | 'wrong_channel' | 'not_a_nudge' };

/**
 * Server-side check of a nudge button: the decision is this team's, belongs to the deal linked to the channel
 * the click came from, and was listed in the nudge message the app posted there. Forged values fail.
 */
export async function findNudgeTarget(repos: Repositories, input: NudgeTargetInput): Promise<NudgeTarget> {
  if (!Number.isSafeInteger(input.decisionId) || input.decisionId <= 0)
    return { ok: false, reason: 'not_found' };
  const decision = await repos.decisions.getById(input.teamId, input.decisionId);
  if (!decision) return { ok: false, reason: 'not_found' };
  const deal = await repos.deals.getById(input.teamId, decision.dealId);
  if (!deal || deal.channelId !== input.channelId) return { ok: false, reason: 'wrong_channel' };
  const send = await repos.nudges.findByMessage(input.teamId, input.channelId, input.messageTs);
  if (!send?.decisionIds.includes(decision.id)) return { ok: false, reason: 'not_a_nudge' };
  return { ok: true, decision, deal };
}

export type NudgeChange =
  | { kind: 'decided'; outcome: string }
  | { kind: 'snoozed' }
  | { kind: 'new_date'; date: string }
  | { kind: 'dropped' };

/** Applies a nudge button to the decision (any update counts as activity) and says how to show it. */
export async function applyNudgeChange(
  repos: Repositories,
  target: { decision: Decision },
  change: NudgeChange,
  context: { userId: string; now: Date; timeZone: string },
): Promise<{ decision: Decision; resolution: ItemResolution } | null> {
  const { decision } = target;
  const { userId, now } = context;
  let updated: Decision | null;
  let resolution: ItemResolution;
  switch (change.kind) {
    case 'decided':
      updated = await repos.decisions.update(
        decision.teamId,
        decision.id,
        { status: 'decided', outcome: change.outcome },
        now,
      );
      resolution = { kind: 'decided', userId, outcome: change.outcome };
      break;
    case 'snoozed': {
      const until = new Date(now.getTime() + SNOOZE_DAYS * DAY_MS);
      updated = await repos.decisions.update(decision.teamId, decision.id, { snoozedUntil: until }, now);
      resolution = {
        kind: 'snoozed',
        userId,
        until: localDateString(until, context.timeZone),
        untilAt: until.toISOString(),
      };
      break;
    }
    case 'new_date':
      updated = await repos.decisions.update(
        decision.teamId,
        decision.id,
        { dueDate: change.date, snoozedUntil: null },
        now,
      );
      resolution = { kind: 'new_date', userId, date: change.date };
      break;
    case 'dropped':
      updated = await repos.decisions.update(decision.teamId, decision.id, { status: 'dropped' }, now);
      resolution = { kind: 'dropped', userId };
      break;
  }
  return updated ? { decision: updated, resolution } : null;
}

/** Why a nudge button was refused, for the ephemeral answer. */
export function refusalText(reason: 'not_found' | 'wrong_channel' | 'not_a_nudge' | 'not_open'): string {
  switch (reason) {
    case 'not_open':
      return 'This decision is no longer open; nothing changed.';
    case 'not_found':
      return 'I could not find that decision; it may have been removed.';
    default:
      return 'That button does not belong to a decision of this channel’s deal; nothing changed.';
  }
}
