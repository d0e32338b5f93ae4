import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { runDraft } from '../../flows/drafts.js';
import { activeDealForChannel, activeDealForPayload } from '../../guards/deal.js';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/**
 * The deal of the channel clicked in, or, for a recap posted where a shared channel's coaching goes, the deal
 * named by the button, when the click came from that deal's internal channel or a direct message.
 */
async function dealOfClick(deps: AppDeps, teamId: string, channelId: string, value: string | undefined) {
  const inChannel = await activeDealForChannel(deps, teamId, channelId);
  if (inChannel) return inChannel;
  const id = Number(/^deal:(\d{1,15})$/.exec(value ?? '')?.[1]);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const deal = await activeDealForPayload(deps, teamId, id);
  if (!deal) return null;
  const internal = await deps.repos.coachingChannels.get(teamId, deal.id);
  return channelId === internal || channelId.startsWith('D') ? deal : null;
}

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
    const deal =
      teamId && channelId ? await dealOfClick(deps, teamId, channelId, body.actions[0]?.value) : null;
    if (!deal) {
      await notify('This channel is not linked to a deal any more.');
      return;
    }
    await runDraft(deps, client, { teamId, channelId, userId, deal, notify });
  };
}
