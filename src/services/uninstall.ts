import type { Repositories } from '../storage/ports.js';

const DAY_MS = 86_400_000;

export interface UninstallOutcome {
  teamId: string;
  tokensDeleted: number;
  purgeAfter: Date;
  /** Rows deleted now (grace period 0), else null: the purge job deletes them after `purgeAfter`. */
  purged: Record<string, number> | null;
}

type UninstallRepos = Pick<Repositories, 'installations' | 'teamLifecycle' | 'teamData'>;

/**
 * The workspace removed the app (or revoked its bot token): from now on its jobs are skipped (the team clients
 * answer null for an uninstalled team), its tokens are deleted at once, and its data after the grace period.
 */
export async function forgetTeam(
  repos: UninstallRepos,
  input: { teamId: string; enterpriseId: string | null; now: Date; graceDays: number },
): Promise<UninstallOutcome> {
  const purgeAfter = new Date(input.now.getTime() + input.graceDays * DAY_MS);
  await repos.teamLifecycle.markUninstalled(input.teamId, input.enterpriseId, input.now, purgeAfter);
  const tokensDeleted = await repos.installations.deleteTeam(input.teamId);
  if (input.graceDays > 0) return { teamId: input.teamId, tokensDeleted, purgeAfter, purged: null };
  const purged = await purgeTeamNow(repos, input.teamId, input.now);
  return { teamId: input.teamId, tokensDeleted, purgeAfter, purged };
}

/** Deletes every row of the team and records when (the uninstall marker stays, so it is not purged twice). */
export async function purgeTeamNow(
  repos: UninstallRepos,
  teamId: string,
  now: Date,
): Promise<Record<string, number>> {
  const counts = await repos.teamData.purgeTeam(teamId);
  if (await repos.teamLifecycle.get(teamId)) await repos.teamLifecycle.markPurged(teamId, now);
  return counts;
}
