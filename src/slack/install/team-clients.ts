import type { HTTPReceiver } from '@slack/bolt';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { AppLogger } from '../../logger.js';
import type { Repositories } from '../../storage/ports.js';
import type { TeamClientLookup } from '../flows/team-clients.js';

type Installer = NonNullable<HTTPReceiver['installer']>;

/**
 * Scheduled jobs' clients when installed in many workspaces: each team's token comes from Bolt's installer
 * (which refreshes a rotating token about to expire and stores the new one). Uninstalled or unknown teams get
 * null, so their jobs stop at once. Clients are reused while the token is unchanged.
 */
export function installedTeamClients(
  installer: Installer,
  repos: Pick<Repositories, 'installations' | 'teamLifecycle'>,
  clientOptions: WebClientOptions,
  logger: AppLogger,
): TeamClientLookup {
  const byTeam = new Map<string, { token: string; client: WebClient }>();
  return async (teamId) => {
    if (await repos.teamLifecycle.get(teamId)) return null;
    const rows = await repos.installations.list();
    const own = rows.find((row) => row.teamId === teamId);
    const orgs = rows.filter((row) => row.isEnterpriseInstall);
    const query = own
      ? { teamId, enterpriseId: own.enterpriseId ?? undefined, isEnterpriseInstall: false }
      : orgs.length === 1
        ? { teamId, enterpriseId: orgs[0]!.enterpriseId ?? undefined, isEnterpriseInstall: true }
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
