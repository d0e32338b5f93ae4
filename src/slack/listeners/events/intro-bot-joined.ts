import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { postIntroOnce } from './intro-post.js';

type Args = SlackEventMiddlewareArgs<'member_joined_channel'> & AllMiddlewareArgs;

/** The app was added to a channel: introduce itself once. Other people joining are ignored. */
export function introOnBotJoined(deps: AppDeps) {
  return async ({ event, context, client, body }: Args): Promise<void> => {
    if (!context.botUserId || event.user !== context.botUserId) return;
    const teamId = context.teamId ?? body.team_id;
    if (!teamId) return;
    await postIntroOnce(deps, client, teamId, event.channel);
  };
}
