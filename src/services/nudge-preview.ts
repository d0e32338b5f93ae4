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
import type { NudgeSendRecord } from '../storage/nudge-ports.js';
import type { Repositories } from '../storage/ports.js';
import { planTeamNudges, type TeamPlan, writeNextSteps } from './nudges.js';

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

export type NudgePreviewPlan =
  | { status: 'disabled' }
  /** The due run (else the next one), planned as it would post now, skipping what it already claimed. */
  | { status: 'preview'; due: DueRun; team: TeamPlan; alreadySent: number };

/**
 * What a team's next weekly nudge run would send, without posting or claiming anything: the dry run behind
 * `/vision nudges preview` and `npm run nudges -- --dry-run`. `dealId` narrows the plan to one deal.
 */
export async function planNudgePreview(
  deps: { repos: Repositories; nextStepWriter?: NextStepWriter | undefined },
  options: { teamId: string; now: Date; dealId?: number | undefined },
): Promise<NudgePreviewPlan> {
  const { repos, nextStepWriter } = deps;
  const { teamId, now } = options;
  const { settings } = await repos.workspaces.get(teamId);
  if (!settings.nudgesEnabled) return { status: 'disabled' };
  const due =
    dueRun(teamId, settings, await repos.nudges.lastRunKey(teamId), now) ?? nextDue(teamId, settings, now);
  const sends = await repos.nudges.listSends(teamId, due.runKey);
  const at = due.scheduledFor.getTime() > now.getTime() ? due.scheduledFor : now;
  const team = await planTeamNudges(repos, teamId, {
    now: at,
    runKey: due.runKey,
    alreadySent: claimedKeys(due.runKey, sends),
    ...(options.dealId !== undefined ? { dealId: options.dealId } : {}),
  });
  await writeNextSteps(team, nextStepWriter);
  return { status: 'preview', due, team, alreadySent: sends.length };
}
