import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import {
  channelSendKey,
  type DueRun,
  dueRun,
  runKey as makeRunKey,
  nextRunAt,
  scheduleOf,
  weekKey,
} from '../domain/nudges/index.js';
import type { WorkspaceSettings } from '../domain/workspaces.js';
import type { NextStepWriter } from '../llm/nudge-writer.js';
import type { AppLogger } from '../logger.js';
import { planTeamNudges, type TeamPlan, writeNextSteps } from '../services/nudges.js';
import {
  type ChannelNudgeOptions,
  channelNudgeMessage,
  digestMessage,
  type NudgeMessage,
} from '../slack/views/nudge-blocks.js';
import type { NudgeSendRecord, Repositories } from '../storage/ports.js';
import { classifyPostError, type DeliveryContext, deliver, reconcileClaims } from './nudge-delivery.js';
import { channelNudgeTarget } from './nudge-target.js';
import { Pacer, realSleep } from './pacer.js';
import { clientForTeam, type JobClient } from './team-clients.js';

export interface NudgeJobDeps {
  repos: Repositories;
  logger: AppLogger;
  clock: () => Date;
  nextStepWriter?: NextStepWriter;
  sleep?: (ms: number) => Promise<void>;
  /** Minimum gap between two posts (default 1,100 ms: Slack's ~1 message per second per channel). */
  postGapMs?: number;
  /** A 'sending' claim younger than this may still be in flight elsewhere (default 2 minutes). */
  claimLeaseMs?: number;
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
  /** Send keys an earlier attempt already recorded (skipped, never sent twice). */
  alreadySent: number;
  preview: PreviewMessage[];
  error?: string;
}

const DEFAULT_GAP_MS = 1_100;
const DEFAULT_LEASE_MS = 120_000;

const report = (teamId: string, status: TeamRunStatus, due: DueRun | null = null): TeamRunReport => ({
  teamId,
  status,
  runKey: due?.runKey ?? null,
  scheduledFor: due?.scheduledFor ?? null,
  sent: 0,
  failed: 0,
  pending: 0,
  alreadySent: 0,
  preview: [],
});

/** Per-decision channel keys and digest keys already claimed by this run (sent, failed or in flight). */
export function claimedKeys(runKey: string, sends: readonly NudgeSendRecord[]): Set<string> {
  const keys = new Set<string>();
  for (const send of sends) {
    keys.add(send.sendKey);
    if (send.kind === 'channel') for (const id of send.decisionIds) keys.add(channelSendKey(runKey, id));
  }
  return keys;
}

function nextDue(teamId: string, settings: WorkspaceSettings, now: Date): DueRun {
  const scheduledFor = nextRunAt(scheduleOf(settings), now);
  return {
    scheduledFor,
    weekKey: weekKey(scheduledFor, settings.timeZone),
    runKey: makeRunKey(teamId, scheduledFor, settings.timeZone),
  };
}

/** Channel messages first (one per deal channel), then one DM digest per owner. */
function messagesOf(team: TeamPlan, options: ChannelNudgeOptions = {}): PreviewMessage[] {
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

async function preview(opts: RunWeeklyNudgesOptions, teamId: string, due: DueRun): Promise<TeamRunReport> {
  const { repos, nextStepWriter } = opts.deps;
  const sends = await repos.nudges.listSends(teamId, due.runKey);
  const at = due.scheduledFor.getTime() > opts.now.getTime() ? due.scheduledFor : opts.now;
  const team = await planTeamNudges(repos, teamId, {
    now: at,
    runKey: due.runKey,
    alreadySent: claimedKeys(due.runKey, sends),
    ...(opts.dealId !== undefined ? { dealId: opts.dealId } : {}),
  });
  await writeNextSteps(team, nextStepWriter);
  const preview = messagesOf(team, { interactive: opts.interactive ?? true });
  return { ...report(teamId, 'preview', due), alreadySent: sends.length, preview };
}

async function executeRun(
  opts: RunWeeklyNudgesOptions,
  client: WebClient,
  teamId: string,
  due: DueRun,
): Promise<TeamRunReport> {
  const { repos, logger, clock } = opts.deps;
  const ctx: DeliveryContext = {
    nudges: repos.nudges,
    client,
    logger,
    clock,
    pacer: new Pacer(opts.deps.postGapMs ?? DEFAULT_GAP_MS, opts.deps.sleep ?? realSleep),
  };
  await repos.nudges.startRun(teamId, due.runKey, due.scheduledFor, clock());
  let pending = await reconcileClaims(
    ctx,
    await repos.nudges.listSends(teamId, due.runKey),
    opts.deps.claimLeaseMs ?? DEFAULT_LEASE_MS,
  );
  const before = await repos.nudges.listSends(teamId, due.runKey);
  const team = await planTeamNudges(repos, teamId, {
    now: opts.now,
    runKey: due.runKey,
    alreadySent: claimedKeys(due.runKey, before),
  });
  await writeNextSteps(team, opts.deps.nextStepWriter);
  const result = { ...report(teamId, 'done', due), alreadySent: before.length };

  const count = (outcome: Awaited<ReturnType<typeof deliver>>) => {
    if (outcome === 'sent') result.sent++;
    else if (outcome === 'failed') result.failed++;
    else if (outcome === 'pending') pending++;
  };
  for (const nudge of team.plan.channelNudges) {
    const [message] = messagesOf({
      ...team,
      plan: { ...team.plan, channelNudges: [nudge], ownerDigests: [] },
    });
    if (!message) continue;
    const target = await channelNudgeTarget(opts.deps, client, teamId, nudge);
    if ('error' in target) {
      const outcome = classifyPostError(target.error);
      logger.warn(
        `cannot reach the owner of deal ${nudge.dealId} privately (${outcome.kind}: ${outcome.error})`,
      );
      if (outcome.kind === 'failed') result.failed++;
      else pending++;
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
    let channelId: string;
    try {
      const opened = await client.conversations.open({ users: digest.userId });
      if (!opened.channel?.id) throw new Error('conversations.open returned no channel');
      channelId = opened.channel.id;
    } catch (error) {
      const outcome = classifyPostError(error);
      logger.warn(`cannot open a DM with ${digest.userId} (${outcome.kind}: ${outcome.error})`);
      if (outcome.kind === 'failed') result.failed++;
      else pending++;
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
  result.status = pending === 0 ? 'done' : 'incomplete';
  await repos.nudges.finishRun(
    teamId,
    due.runKey,
    {
      status: result.status,
      sentCount: after.filter((s) => s.status === 'sent').length,
      failedCount: after.filter((s) => s.status === 'failed').length,
      error: pending > 0 ? `${pending} message(s) to retry` : null,
    },
    clock(),
  );
  return result;
}

async function runTeam(opts: RunWeeklyNudgesOptions, teamId: string): Promise<TeamRunReport> {
  const { repos } = opts.deps;
  const { settings } = await repos.workspaces.get(teamId);
  if (!settings.nudgesEnabled) return report(teamId, 'disabled');
  const due = dueRun(teamId, settings, await repos.nudges.lastRunKey(teamId), opts.now);
  if (opts.dryRun) return preview(opts, teamId, due ?? nextDue(teamId, settings, opts.now));
  if (!due) return report(teamId, 'not_due');
  const client = await clientForTeam(opts.client, teamId);
  if (!client) return report(teamId, 'not_installed');
  const locked = await repos.nudges.withRunLock(teamId, () => executeRun(opts, client, teamId, due));
  return locked.acquired ? locked.value : report(teamId, 'locked', due);
}

/**
 * The weekly nudge job, a function of `now` (timers live in scheduler.ts). For each workspace whose weekly
 * slot has passed and whose run is not finished: holds the team's run lock, settles claims left by a crashed
 * attempt, plans (skipping every send key already claimed), then posts one message per deal channel and one
 * DM per owner, each claimed before and marked after its post. A run with messages left to retry stays
 * 'incomplete' and is resumed by the next call.
 */
export async function runWeeklyNudges(opts: RunWeeklyNudgesOptions): Promise<TeamRunReport[]> {
  const { workspaces, nudges } = opts.deps.repos;
  const teams = opts.teamId
    ? [opts.teamId]
    : [...new Set([...(await workspaces.listTeamIds()), ...(await nudges.teamIds())])].sort();
  const reports: TeamRunReport[] = [];
  for (const teamId of teams) {
    try {
      reports.push(await runTeam(opts, teamId));
    } catch (error) {
      opts.deps.logger.error(`weekly nudges for ${teamId} failed`, error);
      reports.push({
        ...report(teamId, 'error'),
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return reports;
}

/** Plain text of a message's blocks, for the dry-run output. */
export function messageAsText(message: { text: string; blocks: readonly KnownBlock[] }): string {
  const lines: string[] = [];
  for (const block of message.blocks) {
    if (block.type === 'section' && block.text) lines.push(block.text.text);
    if (block.type === 'context') {
      for (const element of block.elements) if ('text' in element) lines.push(element.text);
    }
    if (block.type === 'actions') lines.push('  [Mark decided] [Snooze 1 week] [Set new date] [Dropped]');
  }
  return lines.join('\n');
}
