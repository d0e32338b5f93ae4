import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { isDealChannelName } from '../../../domain/deal-input.js';
import type { AppDeps } from '../../deps.js';
import { postIntroOnce } from './intro-post.js';

type Args = SlackEventMiddlewareArgs<'channel_created'> & AllMiddlewareArgs;

/**
 * A channel named with the workspace's deal prefix (default `deal-`) was created: the bot is not a member,
 * so it joins (public channels only, `channels:join`) and introduces itself once.
 */
export function introOnChannelCreated(deps: AppDeps) {
  return async ({ event, context, client, body }: Args): Promise<void> => {
    const teamId = context.teamId ?? body.team_id;
    if (!teamId) return;
    const { settings } = await deps.repos.workspaces.get(teamId);
    if (!isDealChannelName(event.channel.name, settings.dealChannelPrefix)) return;
    try {
      await client.conversations.join({ channel: event.channel.id });
    } catch (error) {
      deps.logger.warn(`could not join new channel ${event.channel.id}`, error);
      return;
    }
    await postIntroOnce(deps, client, teamId, event.channel.id);
  };
}
