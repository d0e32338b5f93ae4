import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { isDirectMessage, openSetupModal } from '../commands/subcommands/setup.js';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** "Set up this deal" on the intro or on a "not linked" answer: opens the same modal as `/vision setup`. */
export function setupButton(deps: AppDeps) {
  return async ({ ack, body, client, respond }: ActionArgs): Promise<void> => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id;
    const channelId = body.channel?.id ?? body.container?.channel_id;
    if (!teamId || typeof channelId !== 'string' || isDirectMessage(channelId)) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'Run `/vision setup` in the deal channel.',
      });
      return;
    }
    try {
      await openSetupModal(deps, client, {
        teamId,
        channelId,
        userId: body.user.id,
        triggerId: body.trigger_id,
      });
    } catch (error) {
      deps.logger.error('opening the setup modal failed', error);
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'Sorry, I could not open the setup form. Try `/vision setup` in this channel.',
      });
    }
  };
}
