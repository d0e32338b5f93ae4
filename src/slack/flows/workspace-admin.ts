import type { WebClient } from '@slack/web-api';
import type { AppLogger } from '../../logger.js';

export type AdminCheck = 'admin' | 'not_admin' | 'unknown';

export const ADMIN_ONLY_MAP =
  'Only a Slack workspace admin or owner can change which CRM fields the app fills. Ask one of them to run `/vision crm map`.';
export const ADMIN_UNCHECKED_MAP =
  'Slack could not confirm that you are a workspace admin, so nothing was changed. Please try again in a moment.';

/**
 * Whether Slack says this user is a workspace admin or owner (users.info). Fails closed: when Slack cannot be
 * asked, the answer is "unknown" and callers refuse.
 */
export async function workspaceAdminCheck(
  deps: { logger: AppLogger },
  client: WebClient,
  userId: string,
): Promise<AdminCheck> {
  try {
    const { user } = await client.users.info({ user: userId });
    if (!user || user.deleted) return 'not_admin';
    return user.is_admin || user.is_owner || user.is_primary_owner ? 'admin' : 'not_admin';
  } catch (error) {
    deps.logger.warn(`users.info failed for ${userId}; admin-only action refused`, error);
    return 'unknown';
  }
}

export const adminRefusal = (check: Exclude<AdminCheck, 'admin'>) =>
  check === 'unknown' ? ADMIN_UNCHECKED_MAP : ADMIN_ONLY_MAP;

/** The refusal for any admin-only setting other than the CRM map, naming the command to ask an admin for. */
export const adminRefusalFor = (check: Exclude<AdminCheck, 'admin'>, command: string) =>
  check === 'unknown'
    ? ADMIN_UNCHECKED_MAP
    : `Only a Slack workspace admin or owner can change this setting. Ask one of them to run \`${command}\`.`;

/** The refusal for connecting or disconnecting the workspace's CRM: who may, and that nothing was done. */
export const crmConnectionRefusal = (check: Exclude<AdminCheck, 'admin'>, verb: 'connect' | 'disconnect') =>
  check === 'unknown'
    ? `Slack could not confirm that you are a workspace admin, so nothing was ${verb === 'connect' ? 'linked' : 'disconnected'}. Please try again in a moment.`
    : `Only a Slack workspace admin or owner can ${verb} a CRM ${verb === 'connect' ? 'for' : 'from'} this workspace. Ask one of them to run \`/vision crm ${verb}\`.`;
