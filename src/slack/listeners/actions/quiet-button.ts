import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { quietReply } from '../../views/listen-blocks.js';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** "Turn these tips off" on a nudge or capture offer: same as `/vision quiet`, for the person who clicked. */
export function quietButton(deps: AppDeps) {
  return async ({ ack, body, respond }: ActionArgs): Promise<void> => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id;
    if (!teamId) return;
    await deps.repos.listening.setQuiet(teamId, body.user.id, true, deps.clock());
    await respond({ response_type: 'ephemeral', replace_original: true, text: quietReply(true) });
  };
}
