import type { WebClient } from '@slack/web-api';
import { createLimiter } from '../../domain/limiter.js';
import { channelSendKey, type TeamWeekRun } from '../../domain/nudges/index.js';
import type { NextStepWriter } from '../../llm/nudge-writer.js';
import type { AppLogger } from '../../logger.js';
import { claimedKeys } from '../../services/nudge-preview.js';
import {
  DEFAULT_MODEL_CONCURRENCY,
  type NextStepsInProgress,
  planTeamNudges,
  startNextSteps,
  type TeamPlan,
} from '../../services/nudges.js';
import type { Repositories } from '../../storage/ports.js';
import {
  type ChannelNudgeOptions,
  channelNudgeMessage,
  digestMessage,
  type NudgeMessage,
} from '../views/nudge-blocks.js';
import { classifyPostError, type DeliveryContext, deliver, reconcileClaims } from './nudge-delivery.js';
import { dueForRecipients } from './nudge-recipients.js';
import { channelNudgeTarget } from './nudge-target.js';
import { Pacer, realSleep } from './pacer.js';
import type { JobClient } from './team-clients.js';
import { createUserZoneCache, type UserZoneCache } from './user-time.js';

export interface NudgeJobDeps {
  repos: Repositories;
  logger: AppLogger;
  clock: () => Date;
  nextStepWriter?: NextStepWriter;
  /** Re-reads linked CRM records (stage) before a due run; absent without a CRM. */
  refreshCrmBeforeRun?: (teamId: string) => Promise<void>;
  sleep?: (ms: number) => Promise<void>;
  /** Minimum gap between two posts (default 1,100 ms: Slack's ~1 message per second per channel). */
  postGapMs?: number;
  /** A 'sending' claim younger than this may still be in flight elsewhere (default 2 minutes). */
  claimLeaseMs?: number;
  /** Next-step model calls in flight at once (default 8); posts start as soon as their own steps are written. */
  modelConcurrency?: number;
  /** Recipients' Slack time zones, kept across ticks (the scheduler holds one); absent = one per call. */
  userZones?: UserZoneCache;
}

export interface RunWeeklyNudgesOptions {
  now: Date;
  deps: NudgeJobDeps;
  /** One client for every team, or each team's own (see team-clients.ts). */
  client: JobClient;
  /** One workspace; all workspaces when absent. */
  teamId?: string;
  /** Plan and render only: no lock, no claims, no posts. Previews the due run, else the next one. */
  dryRun?: boolean;
  /** Dry run only: plan this one deal (with `teamId`). */
  dealId?: number;
  /** Dry run only: false renders channel messages without buttons (ephemeral previews). Default true. */
  interactive?: boolean;
}

export interface PreviewMessage {
  kind: 'channel' | 'digest';
  /** Channel id, or the user id of a digest. */
  target: string;
  sendKey: string;
  message: NudgeMessage;
}

export type TeamRunStatus =
  | 'not_installed'
  | 'disabled'
  | 'not_due'
  | 'locked'
  | 'done'
  | 'incomplete'
  /** Sent to everyone whose own slot came; others are still before theirs (a later tick sends theirs). */
  | 'waiting'
  | 'preview'
  | 'error';

export interface TeamRunReport {
  teamId: string;
  status: TeamRunStatus;
  runKey: string | null;
  scheduledFor: Date | null;
  /** Messages this call posted / that Slack refused for good / that wait for the next attempt. */
  sent: number;
  failed: number;
  pending: number;
  /** Messages whose recipient's own slot (e.g. Monday 09:00 in their zone) is still ahead. */
  waiting: number;
  /** Send keys an earlier attempt already recorded (skipped, never sent twice). */
  alreadySent: number;
  preview: PreviewMessage[];
  error?: string;
}

const DEFAULT_GAP_MS = 1_100;
const DEFAULT_LEASE_MS = 120_000;

export const report = (
  teamId: string,
  status: TeamRunStatus,
  due: Pick<TeamWeekRun, 'runKey' | 'scheduledFor'> | null = null,
): TeamRunReport => ({
  teamId,
  status,
  runKey: due?.runKey ?? null,
  scheduledFor: due?.scheduledFor ?? null,
  sent: 0,
  failed: 0,
  pending: 0,
  waiting: 0,
  alreadySent: 0,
  preview: [],
});

export /** Channel messages first (one per deal channel), then one DM digest per owner. */
function nudgeMessages(team: TeamPlan, options: ChannelNudgeOptions = {}): PreviewMessage[] {
  const runKey = team.plan.runKey;
  const channel = team.plan.channelNudges.map((nudge): PreviewMessage => {
    const sendKey = channelSendKey(runKey, nudge.items[0]!.decisionId);
    return {
      kind: 'channel',
      target: nudge.channelId,
      sendKey,
      message: channelNudgeMessage(nudge, { sendKey, runKey }, team.quotes, options),
    };
  });
  const digests = team.plan.ownerDigests.map(
    (digest): PreviewMessage => ({
      kind: 'digest',
      target: digest.userId,
      sendKey: digest.sendKey,
      message: digestMessage(digest, { runKey }),
    }),
  );
  return [...channel, ...digests];
}

/** Posts one team's due run: settles old claims, plans, then posts each channel nudge and owner digest once. */
export async function postTeamNudges(
  opts: RunWeeklyNudgesOptions,
  client: WebClient,
  teamId: string,
  due: TeamWeekRun,
): Promise<TeamRunReport> {
  const { repos, logger, clock } = opts.deps;
  const ctx: DeliveryContext = {
    nudges: repos.nudges,
    client,
    logger,
    clock,
    pacer: new Pacer(opts.deps.postGapMs ?? DEFAULT_GAP_MS, opts.deps.sleep ?? realSleep),
  };
  const existing = await repos.nudges.getRun(teamId, due.runKey);
  const pending = await reconcileClaims(
    ctx,
    await repos.nudges.listSends(teamId, due.runKey),
    opts.deps.claimLeaseMs ?? DEFAULT_LEASE_MS,
  );
  const before = await repos.nudges.listSends(teamId, due.runKey);
  const planned = await planTeamNudges(repos, teamId, {
    now: opts.now,
    runKey: due.runKey,
    alreadySent: claimedKeys(due.runKey, before),
  });
  const cache = opts.deps.userZones ?? createUserZoneCache({ clock, logger });
  const { team, waiting } = await dueForRecipients(planned, due, opts.now, { cache, client, teamId });
  const nothingNow = team.plan.channelNudges.length + team.plan.ownerDigests.length + pending === 0;
  if (existing && nothingNow && opts.now.getTime() < due.closesAt.getTime()) {
    // A tick between recipients' 09:00s with nobody due: the run stays as it is (no write).
    return { ...report(teamId, 'waiting', due), alreadySent: before.length, waiting };
  }
  await repos.nudges.startRun(teamId, due.runKey, due.scheduledFor, clock());
  const steps = startNextSteps(
    team,
    opts.deps.nextStepWriter,
    createLimiter(opts.deps.modelConcurrency ?? DEFAULT_MODEL_CONCURRENCY),
  );
  try {
    const result = await postAll(opts, ctx, { teamId, team, due, steps, waiting }, before.length, pending);
    return { ...result, waiting };
  } finally {
    steps.cancel();
  }
}

/** Posts each channel nudge, then each owner digest, as soon as its own next steps are written. */
async function postAll(
  opts: RunWeeklyNudgesOptions,
  ctx: DeliveryContext,
  run: { teamId: string; team: TeamPlan; due: TeamWeekRun; steps: NextStepsInProgress; waiting: number },
  alreadySent: number,
  unsettled: number,
): Promise<TeamRunReport> {
  const { repos, logger, clock } = opts.deps;
  const { teamId, team, due, steps } = run;
  let pending = unsettled;
  const result = { ...report(teamId, 'done', due), alreadySent };

  const count = (outcome: Awaited<ReturnType<typeof deliver>>) => {
    if (outcome === 'sent') result.sent++;
    else if (outcome === 'failed') result.failed++;
    else if (outcome === 'pending') pending++;
  };
  /** A target we could not open: failed for good, or pending for the next attempt. */
  const unreachable = (error: unknown, what: string) => {
    const outcome = classifyPostError(error);
    logger.warn(`cannot reach ${what} (${outcome.kind}: ${outcome.error})`);
    if (outcome.kind === 'failed') result.failed++;
    else pending++;
  };
  for (const nudge of team.plan.channelNudges) {
    await steps.apply(nudge.items);
    const [message] = nudgeMessages({
      ...team,
      plan: { ...team.plan, channelNudges: [nudge], ownerDigests: [] },
    });
    if (!message) continue;
    const target = await channelNudgeTarget(opts.deps, ctx.client, teamId, nudge);
    if ('error' in target) {
      unreachable(target.error, `the owner of deal ${nudge.dealId} privately`);
      continue;
    }
    const claim = {
      teamId,
      sendKey: message.sendKey,
      runKey: due.runKey,
      kind: 'channel' as const,
      decisionIds: nudge.items.map((item) => item.decisionId),
      dealId: nudge.dealId,
      userId: null,
      channelId: target.channelId,
    };
    count(await deliver(ctx, claim, message.message));
  }
  for (const digest of team.plan.ownerDigests) {
    await steps.apply(digest.items);
    let channelId: string;
    try {
      const opened = await ctx.client.conversations.open({ users: digest.userId });
      if (!opened.channel?.id) throw new Error('conversations.open returned no channel');
      channelId = opened.channel.id;
    } catch (error) {
      unreachable(error, `a DM with ${digest.userId}`);
      continue;
    }
    const claim = {
      teamId,
      sendKey: digest.sendKey,
      runKey: due.runKey,
      kind: 'digest' as const,
      decisionIds: digest.items.map((item) => item.decisionId),
      dealId: null,
      userId: digest.userId,
      channelId,
    };
    count(await deliver(ctx, claim, digestMessage(digest, { runKey: due.runKey })));
  }

  const after = await repos.nudges.listSends(teamId, due.runKey);
  result.pending = pending;
  // Done once nothing is left to retry and the slot has passed in every zone; until then later ticks resume it.
  const open = run.waiting > 0 || opts.now.getTime() < due.closesAt.getTime();
  result.status = pending > 0 ? 'incomplete' : open ? 'waiting' : 'done';
  await repos.nudges.finishRun(
    teamId,
    due.runKey,
    {
      status: result.status === 'done' ? 'done' : 'incomplete',
      sentCount: after.filter((s) => s.status === 'sent').length,
      failedCount: after.filter((s) => s.status === 'failed').length,
      error: pending > 0 ? `${pending} message(s) to retry` : null,
    },
    clock(),
  );
  return result;
}
