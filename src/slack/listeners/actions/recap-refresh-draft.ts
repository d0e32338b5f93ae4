import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/**
 * "Refresh the shared-vision draft" in a recap thread. The draft flow (`/vision draft`) is not a shared service
 * yet, so this tells the person how to run it; it then includes the entries just confirmed.
 */
export function recapRefreshDraftHandler(_deps: AppDeps) {
  return async ({ ack, body, client }: Args): Promise<void> => {
    await ack();
    const channelId = body.channel?.id;
    if (!channelId) return;
    await client.chat.postEphemeral({
      channel: channelId,
      user: body.user.id,
      text: 'Run `/vision draft` in this channel to refresh the shared-vision draft; it uses every confirmed entry, including the ones from this recap.',
    });
  };
}
