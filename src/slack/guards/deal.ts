import type { RespondFn } from '@slack/bolt';
import type { Deal } from '../../domain/deals.js';
import type { AppDeps } from '../deps.js';
import { notLinkedMessage } from '../views/not-linked.js';

type GuardDeps = Pick<AppDeps, 'repos'>;

/** The active (not archived) deal linked to this channel of this team, or null. */
export async function activeDealForChannel(
  deps: GuardDeps,
  teamId: string,
  channelId: string,
): Promise<Deal | null> {
  const deal = await deps.repos.deals.getByChannel(teamId, channelId);
  return deal && !deal.archived ? deal : null;
}

/**
 * The active deal an untrusted payload (button value, modal metadata) names, re-checked on the server: it must
 * be this team's, not archived and, when `channelId` is given, still linked to that channel. Else null.
 */
export async function activeDealForPayload(
  deps: GuardDeps,
  teamId: string,
  dealId: number,
  channelId?: string,
): Promise<Deal | null> {
  const deal = await deps.repos.deals.getById(teamId, dealId);
  if (!deal || deal.archived) return null;
  return channelId === undefined || deal.channelId === channelId ? deal : null;
}

/**
 * The deal linked to this channel, or null after telling the user (ephemerally, with a "Set up this deal"
 * button) that the channel is not linked. Never an error.
 */
export async function dealForChannelOrExplain(
  deps: GuardDeps,
  teamId: string,
  channelId: string,
  respond: RespondFn,
): Promise<Deal | null> {
  const deal = await activeDealForChannel(deps, teamId, channelId);
  if (deal) return deal;
  await respond({ response_type: 'ephemeral', ...notLinkedMessage() });
  return null;
}
