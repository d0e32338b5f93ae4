import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { InstallationKey } from '../../storage/install-ports.js';
import type { Repositories } from '../../storage/ports.js';

type AnyInstallation = Installation<'v1' | 'v2', boolean>;

function keyOfInstallation(installation: AnyInstallation): InstallationKey {
  const enterpriseId = installation.enterprise?.id ?? null;
  if (installation.isEnterpriseInstall && enterpriseId) return { enterpriseId, teamId: null };
  const teamId = installation.team?.id;
  if (!teamId) throw new Error('installation without a team id');
  return { enterpriseId, teamId };
}

/**
 * Bolt's installation store over the app's own storage: one sealed row per workspace, or per Enterprise Grid
 * org for an org-wide install. A workspace that installs again is no longer scheduled for purging; an org that
 * installs org-wide again brings back the workspaces that left with it. Every request from a workspace of an
 * org-wide install passes here (Bolt's authorize), so the store remembers which workspaces each org acts in:
 * uninstalling the org later stops and purges exactly those.
 */
export function sqlInstallationStore(
  repos: Pick<Repositories, 'installations' | 'teamLifecycle'>,
  clock: () => Date = () => new Date(),
): Required<InstallationStore> {
  const remembered = new Set<string>();
  const rememberOrgWorkspace = async (enterpriseId: string, teamId: string): Promise<void> => {
    const key = `${enterpriseId}:${teamId}`;
    if (remembered.has(key)) return;
    await repos.teamLifecycle.rememberOrgWorkspaces(enterpriseId, [teamId], clock());
    remembered.add(key);
  };
  const find = async (query: InstallationQuery<boolean>): Promise<AnyInstallation | null> => {
    const enterpriseId = query.enterpriseId ?? null;
    const keys: InstallationKey[] = [];
    if (query.isEnterpriseInstall && enterpriseId) keys.push({ enterpriseId, teamId: null });
    if (query.teamId) keys.push({ enterpriseId, teamId: query.teamId });
    if (!query.isEnterpriseInstall && enterpriseId) keys.push({ enterpriseId, teamId: null });
    for (const key of keys) {
      const record = await repos.installations.find(key);
      if (record) return JSON.parse(record.json) as AnyInstallation;
    }
    return null;
  };
  return {
    async storeInstallation(installation) {
      const key = keyOfInstallation(installation);
      await repos.installations.save({
        key,
        isEnterpriseInstall: installation.isEnterpriseInstall === true,
        botUserId: installation.bot?.userId ?? null,
        json: JSON.stringify(installation),
      });
      if (key.teamId) await repos.teamLifecycle.markReinstalled(key.teamId);
      else if (key.enterpriseId) {
        for (const seen of [...remembered])
          if (seen.startsWith(`${key.enterpriseId}:`)) remembered.delete(seen);
        await repos.teamLifecycle.markOrgReinstalled(key.enterpriseId);
      }
    },
    async fetchInstallation(query) {
      const found = await find(query);
      if (found?.isEnterpriseInstall && query.isEnterpriseInstall && query.enterpriseId && query.teamId) {
        await rememberOrgWorkspace(query.enterpriseId, query.teamId);
      }
      if (!found) {
        throw new Error(
          `no installation for team ${query.teamId ?? '-'} / enterprise ${query.enterpriseId ?? '-'}`,
        );
      }
      return found;
    },
    async deleteInstallation(query) {
      const enterpriseId = query.enterpriseId ?? null;
      if (query.isEnterpriseInstall && enterpriseId) {
        await repos.installations.delete({ enterpriseId, teamId: null });
      } else if (query.teamId) {
        await repos.installations.delete({ enterpriseId, teamId: query.teamId });
      }
    },
  };
}
