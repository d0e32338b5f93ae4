import type { WebClient } from '@slack/web-api';
import type { AppDeps } from '../../../deps.js';
import { crmSetupBlock } from '../../../flows/crm-setup.js';
import { setupModal } from '../../../views/setup.js';
import type { Subcommand } from './types.js';

export interface OpenSetupArgs {
  teamId: string;
  channelId: string;
  userId: string;
  triggerId: string;
}

/** Opens the setup modal for a channel: empty for a new deal, prefilled when the channel is already linked. */
export async function openSetupModal(deps: AppDeps, client: WebClient, args: OpenSetupArgs): Promise<void> {
  const [workspace, deal] = await Promise.all([
    deps.repos.workspaces.get(args.teamId),
    deps.repos.deals.getByChannel(args.teamId, args.channelId),
  ]);
  const linked = deal && !deal.archived ? deal : null;
  const internalChannelId = linked ? await deps.repos.coachingChannels.get(args.teamId, linked.id) : null;
  await client.views.open({
    trigger_id: args.triggerId,
    view: setupModal({
      channelId: args.channelId,
      stages: workspace.settings.stages,
      deal: linked,
      defaultOwner: args.userId,
      extraBlocks: crmSetupBlock(deps),
      internalChannelId,
    }),
  });
}

/** A deal lives in a channel; DMs and group DMs cannot hold one. */
export const isDirectMessage = (channelId: string): boolean => /^D/.test(channelId);

/** `/vision setup`: link this channel to a deal, or edit the link. */
export function setupSubcommand(): Subcommand {
  return {
    name: 'setup',
    aliases: ['link', 'deal'],
    usage: 'setup',
    summary: 'Link this channel to a deal (account, deal name, stage, owner, CRM link) or edit it',
    group: 'Set up',
    async run({ deps, client, respond, teamId, channelId, userId, triggerId }) {
      if (isDirectMessage(channelId)) {
        await respond({
          response_type: 'ephemeral',
          text: 'A deal lives in its own channel. Run `/vision setup` in the deal channel (e.g. #deal-acme).',
        });
        return;
      }
      await openSetupModal(deps, client, { teamId, channelId, userId, triggerId });
    },
  };
}
