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
  input: { teamId: string; enterpriseId: string | null; now: Date; graceDays: number; byOrg?: boolean },
): Promise<UninstallOutcome> {
  const purgeAfter = new Date(input.now.getTime() + input.graceDays * DAY_MS);
  await repos.teamLifecycle.markUninstalled(input.teamId, input.enterpriseId, input.now, purgeAfter, {
    byOrg: input.byOrg === true,
  });
  const tokensDeleted = await repos.installations.deleteTeam(input.teamId);
  if (input.graceDays > 0) return { teamId: input.teamId, tokensDeleted, purgeAfter, purged: null };
  const purged = await purgeTeamNow(repos, input.teamId, input.now);
  return { teamId: input.teamId, tokensDeleted, purgeAfter, purged };
}

export interface OrgUninstallOutcome {
  enterpriseId: string;
  tokensDeleted: number;
  /** One outcome per workspace of the org that leaves with it. */
  workspaces: UninstallOutcome[];
}

/**
 * An Enterprise Grid org removed its org-wide install: its token is deleted at once, and every workspace the org
 * installation was seen acting in is forgotten like a workspace that uninstalled (jobs stop now, data purged
 * after the grace period), marked as leaving with the org so an org-wide reinstall brings them all back. A
 * workspace that also holds its own installation keeps it and is left alone.
 */
export async function forgetOrg(
  repos: UninstallRepos,
  input: { enterpriseId: string; now: Date; graceDays: number },
): Promise<OrgUninstallOutcome> {
  const tokensDeleted = await repos.installations.delete({ enterpriseId: input.enterpriseId, teamId: null });
  const ownInstalls = new Set((await repos.installations.list()).map((row) => row.teamId));
  const workspaces: UninstallOutcome[] = [];
  for (const teamId of await repos.teamLifecycle.orgWorkspaces(input.enterpriseId)) {
    if (ownInstalls.has(teamId)) continue;
    workspaces.push(
      await forgetTeam(repos, {
        teamId,
        enterpriseId: input.enterpriseId,
        now: input.now,
        graceDays: input.graceDays,
        byOrg: true,
      }),
    );
  }
  return { enterpriseId: input.enterpriseId, tokensDeleted, workspaces };
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

/**
 * An admin removed the app from some workspaces of an org-wide install (`team_access_revoked`): each is
 * forgotten on its own (jobs stop now, data purged after the grace period); the org's token and its other
 * workspaces stay. A workspace that holds its own installation keeps it and is left alone.
 */
export async function forgetOrgWorkspaces(
  repos: UninstallRepos,
  input: { enterpriseId: string; teamIds: readonly string[]; now: Date; graceDays: number },
): Promise<UninstallOutcome[]> {
  const ownInstalls = new Set((await repos.installations.list()).map((row) => row.teamId));
  const outcomes: UninstallOutcome[] = [];
  for (const teamId of input.teamIds) {
    if (ownInstalls.has(teamId)) continue;
    outcomes.push(
      await forgetTeam(repos, {
        teamId,
        enterpriseId: input.enterpriseId,
        now: input.now,
        graceDays: input.graceDays,
      }),
    );
  }
  return outcomes;
}

/**
 * The app was added back to workspaces of an org-wide install (`team_access_granted`): they are remembered as
 * the org's, and one that left this org is no longer scheduled for purging (a workspace uninstalled from
 * elsewhere is not the org's to bring back). The ids brought back.
 */
export async function restoreOrgWorkspaces(
  repos: UninstallRepos,
  input: { enterpriseId: string; teamIds: readonly string[]; now: Date },
): Promise<string[]> {
  await repos.teamLifecycle.rememberOrgWorkspaces(input.enterpriseId, input.teamIds, input.now);
  const restored: string[] = [];
  for (const teamId of input.teamIds) {
    const uninstall = await repos.teamLifecycle.get(teamId);
    if (!uninstall || uninstall.enterpriseId !== input.enterpriseId) continue;
    await repos.teamLifecycle.markReinstalled(teamId);
    restored.push(teamId);
  }
  return restored;
}
