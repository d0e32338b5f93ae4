import type { WebClient } from '@slack/web-api';
import type { Deal } from '../../domain/deals.js';
import type { AppLogger } from '../../logger.js';
import type { Repositories } from '../../storage/ports.js';
import { mentionChannel } from '../views/mrkdwn.js';

const slackError = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'data' in error
    ? (error as { data?: { error?: string } }).data?.error
    : undefined;

/**
 * Whether `channelId` can take a deal's coaching: another channel than the deal's, not shared with another
 * organisation, and one the app is a member of (so it can post). Returns the problem to show inline, or null.
 */
export async function internalChannelProblem(
  deps: { repos: Pick<Repositories, 'channelSharing'>; logger: AppLogger; clock: () => Date },
  client: WebClient,
  teamId: string,
  dealChannelId: string,
  channelId: string,
): Promise<string | null> {
  if (channelId === dealChannelId)
    return 'Pick another channel: coaching should not go to the deal channel itself.';
  if (!/^[CG][A-Z0-9]+$/.test(channelId)) return 'Pick a channel (not a direct message).';
  let info: Awaited<ReturnType<WebClient['conversations']['info']>>;
  try {
    info = await client.conversations.info({ channel: channelId });
  } catch (error) {
    deps.logger.warn(`setup: cannot read internal channel ${channelId}`, error);
    return slackError(error) === 'channel_not_found'
      ? 'I cannot see that channel. Invite me there first (/invite @Vision), then press Save again.'
      : 'I could not check that channel just now. Please press Save again.';
  }
  const shared = info.channel?.is_ext_shared === true || info.channel?.is_pending_ext_shared === true;
  await deps.repos.channelSharing.set(teamId, channelId, shared, deps.clock());
  if (shared)
    return 'That channel is shared with another organisation. Pick a channel only your company can read.';
  if (info.channel?.is_archived) return 'That channel is archived. Pick another one.';
  if (info.channel?.is_member === false) {
    return 'I am not in that channel, so I could not post there (not_in_channel). Invite me first (/invite @Vision), then press Save again.';
  }
  return null;
}

/** Stores (or clears) the deal's internal channel; true when a channel was newly linked. */
export async function storeInternalChannel(
  deps: { repos: Pick<Repositories, 'coachingChannels'>; clock: () => Date },
  deal: Pick<Deal, 'teamId' | 'id'>,
  channelId: string | null,
): Promise<boolean> {
  const previous = await deps.repos.coachingChannels.get(deal.teamId, deal.id);
  await deps.repos.coachingChannels.set(deal.teamId, deal.id, channelId, deps.clock());
  return channelId !== null && channelId !== previous;
}

/** Says in the newly linked internal channel what it is for. */
export async function announceInternalChannel(
  deps: { logger: AppLogger },
  client: WebClient,
  deal: Pick<Deal, 'channelId'>,
  channelId: string,
): Promise<void> {
  const text = `Coaching for the deal in ${mentionChannel(deal.channelId)} comes here while that channel is shared with the customer.`;
  await client.chat
    .postMessage({ channel: channelId, text })
    .catch((error: unknown) => deps.logger.warn(`setup: could not post in ${channelId}`, error));
}
