import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { publishHome } from '../../flows/home-publish.js';

type Args = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/** The user opened the Home tab: publish their deals with fresh counts. The Messages tab is left alone. */
export function homeOpened(deps: AppDeps) {
  return async ({ event, context, client, body }: Args): Promise<void> => {
    if (event.tab !== 'home') return;
    const teamId = context.teamId ?? body.team_id;
    if (!teamId) return;
    await publishHome(deps, client, teamId, event.user);
  };
}
