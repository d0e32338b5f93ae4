import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { runDraft } from '../../flows/drafts.js';
import { activeDealForChannel } from '../../guards/deal.js';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/**
 * "Refresh the shared-vision draft" in a recap thread: runs the same flow as `/vision draft` (services/drafts.ts),
 * so the new version includes the entries just confirmed.
 */
export function recapRefreshDraftHandler(deps: AppDeps) {
  return async ({ ack, body, client }: Args): Promise<void> => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const channelId = body.channel?.id ?? '';
    const userId = body.user.id;
    const notify = async (text: string) => {
      await client.chat.postEphemeral({ channel: channelId, user: userId, text });
    };
    const deal = teamId && channelId ? await activeDealForChannel(deps, teamId, channelId) : null;
    if (!deal) {
      await notify('This channel is not linked to a deal any more.');
      return;
    }
    await runDraft(deps, client, { teamId, channelId, userId, deal, notify });
  };
}
