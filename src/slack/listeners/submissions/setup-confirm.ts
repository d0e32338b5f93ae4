import type { KnownBlock } from '@slack/types';
import type { ChatPostMessageArguments, WebClient } from '@slack/web-api';
import type { Deal } from '../../../domain/deals.js';
import type { AppLogger } from '../../../logger.js';
import { type CoachingDeps, coachingDestination, postCoaching } from '../../flows/coaching-destination.js';

const slackError = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'data' in error
    ? (error as { data?: { error?: string } }).data?.error
    : undefined;

/**
 * Posts in a channel, joining it first when the bot is not a member yet (public channels only).
 * Returns false (and logs) when the message could not be posted; the caller decides whether to tell the user.
 */
export async function postJoiningIfNeeded(
  client: WebClient,
  logger: AppLogger,
  message: ChatPostMessageArguments & { channel: string },
): Promise<boolean> {
  try {
    await client.chat.postMessage(message);
    return true;
  } catch (error) {
    if (slackError(error) !== 'not_in_channel') {
      logger.warn(`posting in ${message.channel} failed`, error);
      return false;
    }
  }
  try {
    await client.conversations.join({ channel: message.channel });
    await client.chat.postMessage(message);
    return true;
  } catch (error) {
    logger.warn(`joining ${message.channel} to post failed`, error);
    return false;
  }
}

/**
 * A note about the deal's internal work (decision logged, decided): in the deal channel while only our
 * organisation reads it; otherwise where coachingDestination says (privately to `actorUserId` when nothing
 * internal is linked: an ephemeral in the deal channel, else a DM).
 */
export async function postDealNote(
  deps: CoachingDeps,
  client: WebClient,
  deal: Pick<Deal, 'teamId' | 'id' | 'channelId' | 'ownerUserId'>,
  actorUserId: string,
  message: { text: string; blocks?: KnownBlock[] },
  what: string,
): Promise<void> {
  const dest = await coachingDestination(deps, client, deal, actorUserId);
  if (dest.kind === 'deal_channel') {
    await postJoiningIfNeeded(client, deps.logger, { channel: deal.channelId, ...message });
    return;
  }
  await postCoaching(deps, client, dest, message, {
    actedIn: { channelId: deal.channelId },
    rep: actorUserId,
    what,
  });
}
