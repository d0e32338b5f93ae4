import type { WebClient } from '@slack/web-api';
import { recipientSlot, type TeamWeekRun } from '../../domain/nudges/index.js';
import type { TeamPlan } from '../../services/nudges.js';
import type { UserZoneCache } from './user-time.js';

export interface DueForRecipients {
  /** The plan narrowed to the messages whose recipient's own slot has come. */
  team: TeamPlan;
  /** Messages whose recipient's slot is still ahead (they go out on a later tick of this run). */
  waiting: number;
}

/**
 * Keeps the messages whose recipient has reached the run's slot on their own wall clock: a digest by its
 * reader's Slack zone, a channel nudge by its deal owner's (the workspace zone when Slack has none).
 */
export async function dueForRecipients(
  team: TeamPlan,
  run: TeamWeekRun,
  now: Date,
  zones: { cache: UserZoneCache; client: WebClient; teamId: string },
): Promise<DueForRecipients> {
  const fallback = team.settings.timeZone;
  const reached = async (userId: string | null | undefined): Promise<boolean> => {
    const zone = userId ? await zones.cache.zoneOf(zones.client, zones.teamId, userId, fallback) : fallback;
    return recipientSlot(team.settings, zone, run.weekKey, now) !== null;
  };
  const ownerOf = new Map(team.deals.map((deal) => [deal.id, deal.ownerUserId]));
  let waiting = 0;
  const channelNudges = [];
  for (const nudge of team.plan.channelNudges) {
    if (await reached(ownerOf.get(nudge.dealId))) channelNudges.push(nudge);
    else waiting++;
  }
  const ownerDigests = [];
  for (const digest of team.plan.ownerDigests) {
    if (await reached(digest.userId)) ownerDigests.push(digest);
    else waiting++;
  }
  return { team: { ...team, plan: { ...team.plan, channelNudges, ownerDigests } }, waiting };
}
