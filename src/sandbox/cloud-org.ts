import type { DriverResponse } from './driver.js';
import type { OAuthGrants } from './emulator/oauth/grants.js';
import type { SlackEmulator } from './slack-emulator.js';

/** What the cloud knows of a workspace of an Enterprise Grid org. */
export interface OrgMember {
  emulator: SlackEmulator;
  enterpriseId: string | null;
  /** False once an admin removed the app from this workspace of an org-wide install. */
  orgAccess: boolean;
}

/**
 * Enterprise Grid admin actions on an org-wide install, as Slack performs them: the org's tokens are revoked
 * (or a workspace leaves the token's reach) and the app receives the signed events Slack sends for it, in the
 * envelope of an org-wide installation (`enterprise_id`, `is_enterprise_install: true`, no team in the
 * authorization).
 */
export function orgAdminActions(workspaces: Map<string, OrgMember>, grants: OAuthGrants) {
  const membersOf = (enterpriseId: string) =>
    [...workspaces.entries()].filter(([, w]) => w.enterpriseId === enterpriseId);
  const enterpriseOf = (teamId: string): string => {
    const enterpriseId = workspaces.get(teamId)?.enterpriseId;
    if (!enterpriseId) throw new Error(`slack cloud: ${teamId} is not in an Enterprise Grid org`);
    return enterpriseId;
  };
  /** Slack sends org-level events through a workspace the org's token still reaches (else the first one). */
  const senderFor = (enterpriseId: string, except?: string): SlackEmulator => {
    const members = membersOf(enterpriseId);
    const sender =
      members.find(([id, w]) => id !== except && w.orgAccess && w.emulator.state.team.orgWideInstall) ??
      members[0];
    if (!sender) throw new Error(`slack cloud: no workspace in org ${enterpriseId}`);
    return sender[1].emulator;
  };

  return {
    /**
     * The org removes its org-wide install: every token issued to it stops working, and the app gets
     * `app_uninstalled` and `tokens_revoked` (for the bot) from the org.
     */
    async uninstallOrg(enterpriseId: string): Promise<DriverResponse[]> {
      const sender = senderFor(enterpriseId);
      grants.revokeAll(null, enterpriseId);
      const responses = [
        await sender.driver.event({ type: 'app_uninstalled' }),
        await sender.driver.event({ type: 'tokens_revoked', tokens: { bot: [sender.state.bot.userId] } }),
      ];
      for (const [, w] of membersOf(enterpriseId)) w.emulator.state.team.orgWideInstall = false;
      return responses;
    },
    /** An admin removes the app from one workspace of the org: `team_access_revoked` names it. */
    async removeFromOrg(teamId: string): Promise<DriverResponse> {
      const enterpriseId = enterpriseOf(teamId);
      const sender = senderFor(enterpriseId, teamId);
      workspaces.get(teamId)!.orgAccess = false;
      return sender.driver.event({ type: 'team_access_revoked', team_ids: [teamId] });
    },
    /** An admin adds the app back to a workspace of the org: `team_access_granted` names it. */
    async addToOrg(teamId: string): Promise<DriverResponse> {
      const enterpriseId = enterpriseOf(teamId);
      workspaces.get(teamId)!.orgAccess = true;
      return senderFor(enterpriseId).driver.event({ type: 'team_access_granted', team_ids: [teamId] });
    },
  };
}
