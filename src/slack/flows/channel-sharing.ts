import type { WebClient } from '@slack/web-api';
import type { AppLogger } from '../../logger.js';
import type { Repositories } from '../../storage/ports.js';

/** A stored answer older than this is read again from Slack (channel_shared/unshared refresh it sooner). */
export const SHARING_MAX_AGE_MS = 24 * 3_600_000;

interface SharingDeps {
  repos: Pick<Repositories, 'channelSharing'>;
  logger: AppLogger;
  clock: () => Date;
}

/** Reads `is_ext_shared` from conversations.info and stores it. */
export async function refreshChannelSharing(
  deps: SharingDeps,
  client: WebClient,
  teamId: string,
  channelId: string,
): Promise<boolean> {
  const info = await client.conversations.info({ channel: channelId });
  const shared = info.channel?.is_ext_shared === true || info.channel?.is_pending_ext_shared === true;
  await deps.repos.channelSharing.set(teamId, channelId, shared, deps.clock());
  return shared;
}

/**
 * Whether people from another organisation can read the channel (Slack Connect). When Slack cannot tell us and
 * we know nothing, the answer is "shared": coaching then goes to the rep privately, never to the customer.
 */
export async function isExternallyShared(
  deps: SharingDeps,
  client: WebClient,
  teamId: string,
  channelId: string,
): Promise<boolean> {
  const known = await deps.repos.channelSharing.get(teamId, channelId);
  if (known && deps.clock().getTime() - known.checkedAt.getTime() < SHARING_MAX_AGE_MS)
    return known.isExtShared;
  try {
    return await refreshChannelSharing(deps, client, teamId, channelId);
  } catch (error) {
    deps.logger.warn(`cannot tell whether ${channelId} is shared externally; treating it as shared`, error);
    return known?.isExtShared ?? true;
  }
}
