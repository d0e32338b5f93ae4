import type { KnownBlock } from '@slack/types';
import { dueTeamRun } from '../domain/nudges/index.js';
import { planNudgePreview } from '../services/nudge-preview.js';
import { clientForTeam } from '../slack/flows/team-clients.js';
import { createUserZoneCache } from '../slack/flows/user-time.js';
import {
  nudgeMessages,
  postTeamNudges,
  type RunWeeklyNudgesOptions,
  report,
  type TeamRunReport,
} from '../slack/flows/weekly-nudges.js';

export type {
  NudgeJobDeps,
  PreviewMessage,
  RunWeeklyNudgesOptions,
  TeamRunReport,
  TeamRunStatus,
} from '../slack/flows/weekly-nudges.js';

async function preview(opts: RunWeeklyNudgesOptions, teamId: string): Promise<TeamRunReport> {
  const plan = await planNudgePreview(opts.deps, { teamId, now: opts.now, dealId: opts.dealId });
  if (plan.status === 'disabled') return report(teamId, 'disabled');
  const messages = nudgeMessages(plan.team, { interactive: opts.interactive ?? true });
  return { ...report(teamId, 'preview', plan.due), alreadySent: plan.alreadySent, preview: messages };
}

async function runTeam(opts: RunWeeklyNudgesOptions, teamId: string): Promise<TeamRunReport> {
  if (opts.dryRun) return preview(opts, teamId);
  const { repos } = opts.deps;
  const { settings } = await repos.workspaces.get(teamId);
  if (!settings.nudgesEnabled) return report(teamId, 'disabled');
  const due = dueTeamRun(teamId, settings, await repos.nudges.lastRunKey(teamId), opts.now);
  if (!due) return report(teamId, 'not_due');
  // The run is resumed on every tick until the slot has passed in every zone: read the CRM once, at its start.
  if (!(await repos.nudges.getRun(teamId, due.runKey))) {
    await opts.deps
      .refreshCrmBeforeRun?.(teamId)
      .catch((error: unknown) => opts.deps.logger.warn('CRM refresh before the weekly run failed', error));
  }
  const client = await clientForTeam(opts.client, teamId);
  if (!client) return report(teamId, 'not_installed');
  const locked = await repos.nudges.withRunLock(teamId, () => postTeamNudges(opts, client, teamId, due));
  return locked.acquired ? locked.value : report(teamId, 'locked', due);
}

/**
 * The weekly nudge job, a function of `now` (timers live in scheduler.ts). Each recipient gets it at the slot
 * (Monday 09:00 by default) on their own wall clock: a team's run is open from the moment the slot passes in
 * the earliest zone until it has passed in the latest (see domain/nudges/recipient-time.ts), and each tick
 * holds the team's run lock, settles claims left by a crashed attempt, plans (skipping every send key already
 * claimed), then posts the channel messages and owner DMs whose recipient's slot has come, each claimed before
 * and marked after its post: once per recipient per week. A run with messages left to retry ('incomplete') or
 * recipients still before their slot ('waiting') is resumed by the next call.
 */
export async function runWeeklyNudges(options: RunWeeklyNudgesOptions): Promise<TeamRunReport[]> {
  const userZones =
    options.deps.userZones ?? createUserZoneCache({ clock: options.deps.clock, logger: options.deps.logger });
  const opts = { ...options, deps: { ...options.deps, userZones } };
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
