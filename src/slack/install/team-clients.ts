import type { HTTPReceiver } from '@slack/bolt';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { AppLogger } from '../../logger.js';
import type { Repositories } from '../../storage/ports.js';
import type { TeamClientLookup } from '../flows/team-clients.js';

type Installer = NonNullable<HTTPReceiver['installer']>;

const ORG_TEAMS_TTL_MS = 60 * 60_000;

/**
 * Scheduled jobs' clients when installed in many workspaces: each team's token comes from Bolt's installer
 * (which refreshes a rotating token about to expire and stores the new one). Uninstalled or unknown teams get
 * null, so their jobs stop at once. A workspace of an Enterprise Grid org installed org-wide uses the org's
 * token: the org is the one whose `auth.teams.list` names the workspace. Clients are reused while the token is
 * unchanged.
 */
export function installedTeamClients(
  installer: Installer,
  repos: Pick<Repositories, 'installations' | 'teamLifecycle'>,
  clientOptions: WebClientOptions,
  logger: AppLogger,
): TeamClientLookup {
  const byTeam = new Map<string, { token: string; client: WebClient }>();
  const orgWorkspaces = new Map<string, { teams: Set<string>; fetchedAt: number }>();

  /** The workspaces an org-wide installation may act in (`auth.teams.list`), remembered for an hour. */
  const workspacesOf = async (enterpriseId: string): Promise<Set<string> | null> => {
    const cached = orgWorkspaces.get(enterpriseId);
    if (cached && Date.now() - cached.fetchedAt < ORG_TEAMS_TTL_MS) return cached.teams;
    try {
      const { botToken } = await installer.authorize({
        enterpriseId,
        teamId: undefined,
        isEnterpriseInstall: true,
      });
      if (!botToken) return null;
      const web = new WebClient(botToken, clientOptions);
      const teams = new Set<string>();
      let cursor: string | undefined;
      do {
        const page = await web.auth.teams.list({ limit: 100, ...(cursor ? { cursor } : {}) });
        for (const team of page.teams ?? []) if (team.id) teams.add(team.id);
        cursor = page.response_metadata?.next_cursor || undefined;
      } while (cursor);
      orgWorkspaces.set(enterpriseId, { teams, fetchedAt: Date.now() });
      // Kept, so that uninstalling the org (its token no longer answers then) knows whose jobs and data to end.
      await repos.teamLifecycle.rememberOrgWorkspaces(enterpriseId, [...teams], new Date());
      return teams;
    } catch (error) {
      logger.warn(`cannot list the workspaces of org ${enterpriseId}`, error);
      return null;
    }
  };

  /**
   * The org-wide installation covering `teamId`, asked of Slack. Only when Slack cannot say (the listing failed)
   * does a single org-wide installation get the benefit of the doubt.
   */
  const orgOf = async (teamId: string, orgs: readonly string[]): Promise<string | null> => {
    let unknown = 0;
    for (const enterpriseId of orgs) {
      const teams = await workspacesOf(enterpriseId);
      if (teams?.has(teamId)) return enterpriseId;
      if (!teams) unknown += 1;
    }
    return orgs.length === 1 && unknown === 1 ? orgs[0]! : null;
  };

  return async (teamId) => {
    if (await repos.teamLifecycle.get(teamId)) return null;
    const rows = await repos.installations.list();
    const own = rows.find((row) => row.teamId === teamId);
    const orgs = rows
      .filter((row) => row.isEnterpriseInstall && row.enterpriseId)
      .map((row) => row.enterpriseId!);
    const org = own ? null : await orgOf(teamId, orgs);
    const query = own
      ? { teamId, enterpriseId: own.enterpriseId ?? undefined, isEnterpriseInstall: false }
      : org
        ? { teamId, enterpriseId: org, isEnterpriseInstall: true }
        : null;
    if (!query) return null;
    try {
      const { botToken } = await installer.authorize(query);
      if (!botToken) return null;
      const cached = byTeam.get(teamId);
      if (cached?.token === botToken) return cached.client;
      const client = new WebClient(botToken, clientOptions);
      byTeam.set(teamId, { token: botToken, client });
      return client;
    } catch (error) {
      logger.warn(`no usable token for team ${teamId}; its jobs are skipped`, error);
      return null;
    }
  };
}

/** One workspace, one token: the same client for the team unless it uninstalled. */
export function singleTeamClients(
  client: WebClient,
  repos: Pick<Repositories, 'teamLifecycle'>,
): TeamClientLookup {
  return async (teamId) => ((await repos.teamLifecycle.get(teamId)) ? null : client);
}
