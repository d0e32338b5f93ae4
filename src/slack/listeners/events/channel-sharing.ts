import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { refreshChannelSharing } from '../../flows/channel-sharing.js';

type Args = (SlackEventMiddlewareArgs<'channel_shared'> | SlackEventMiddlewareArgs<'channel_unshared'>) &
  AllMiddlewareArgs;

/** channel_shared / channel_unshared: read the channel's sharing again (unshared from one org may leave others). */
export function registerChannelSharing(app: App, deps: AppDeps): void {
  const refresh = async ({ event, body, context, client }: Args): Promise<void> => {
    const teamId = context.teamId ?? body.team_id;
    if (!teamId) return;
    await refreshChannelSharing(deps, client, teamId, event.channel);
  };
  app.event('channel_shared', refresh);
  app.event('channel_unshared', refresh);
}
