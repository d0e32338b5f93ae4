import type { WebClient } from '@slack/web-api';
import type { ChannelNudge } from '../../domain/nudges/index.js';
import type { AppLogger } from '../../logger.js';
import type { Repositories } from '../../storage/ports.js';
import { coachingDestination, conversationFor } from './coaching-destination.js';

export type NudgeTarget = { channelId: string; privately: boolean } | { error: unknown };

/**
 * Where a deal's stall nudge goes: its channel, unless the channel is shared with another organisation (Slack
 * Connect), where the customer would read our internal next steps: then where coachingDestination says (the
 * internal channel linked in /vision setup, else the deal owner's DM).
 */
export async function channelNudgeTarget(
  deps: {
    repos: Pick<Repositories, 'channelSharing' | 'coachingChannels' | 'deals'>;
    logger: AppLogger;
    clock: () => Date;
  },
  client: WebClient,
  teamId: string,
  nudge: ChannelNudge,
): Promise<NudgeTarget> {
  try {
    const deal = await deps.repos.deals.getById(teamId, nudge.dealId);
    if (!deal) throw new Error(`deal ${nudge.dealId} is gone`);
    const dest = await coachingDestination(deps, client, { ...deal, channelId: nudge.channelId });
    if (dest.kind === 'deal_channel') return { channelId: nudge.channelId, privately: false };
    return { channelId: await conversationFor(client, dest), privately: dest.kind === 'private' };
  } catch (error) {
    return { error };
  }
}
