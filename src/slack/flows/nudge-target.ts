import type { WebClient } from '@slack/web-api';
import type { ChannelNudge } from '../../domain/nudges/index.js';
import type { AppLogger } from '../../logger.js';
import type { Repositories } from '../../storage/ports.js';
import { isExternallyShared } from './channel-sharing.js';

export type NudgeTarget = { channelId: string; privately: boolean } | { error: unknown };

/**
 * Where a deal's stall nudge goes: its channel, unless the channel is shared with another organisation (Slack
 * Connect), where the customer would read our internal next steps: then to the deal owner's DM.
 */
export async function channelNudgeTarget(
  deps: { repos: Pick<Repositories, 'channelSharing' | 'deals'>; logger: AppLogger; clock: () => Date },
  client: WebClient,
  teamId: string,
  nudge: ChannelNudge,
): Promise<NudgeTarget> {
  if (!(await isExternallyShared(deps, client, teamId, nudge.channelId))) {
    return { channelId: nudge.channelId, privately: false };
  }
  try {
    const deal = await deps.repos.deals.getById(teamId, nudge.dealId);
    if (!deal) throw new Error(`deal ${nudge.dealId} is gone`);
    const opened = await client.conversations.open({ users: deal.ownerUserId });
    if (!opened.channel?.id) throw new Error('conversations.open returned no channel');
    return { channelId: opened.channel.id, privately: true };
  } catch (error) {
    return { error };
  }
}
