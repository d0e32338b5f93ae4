import type { RespondFn } from '@slack/bolt';
import type { Deal } from '../../domain/deals.js';
import type { AppDeps } from '../deps.js';
import { notLinkedMessage } from '../views/not-linked.js';

/**
 * The deal linked to this channel, or null after telling the user (ephemerally, with a "Set up this deal"
 * button) that the channel is not linked. Never an error.
 */
export async function dealForChannelOrExplain(
  deps: Pick<AppDeps, 'repos'>,
  teamId: string,
  channelId: string,
  respond: RespondFn,
): Promise<Deal | null> {
  const deal = await deps.repos.deals.getByChannel(teamId, channelId);
  if (deal && !deal.archived) return deal;
  await respond({ response_type: 'ephemeral', ...notLinkedMessage() });
  return null;
}
