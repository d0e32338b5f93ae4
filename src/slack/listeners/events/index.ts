import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { appMentionListener } from './app-mention.js';
import { registerChannelSharing } from './channel-sharing.js';
import { homeOpened } from './home-opened.js';
import { introOnBotJoined } from './intro-bot-joined.js';
import { introOnChannelCreated } from './intro-channel-created.js';
import { messageListener } from './message.js';
import { registerNudgeThreadActivity } from './nudge-thread-activity.js';
import { registerOrgWorkspaceAccess } from './org-workspace-access.js';
import { registerUninstall } from './uninstalled.js';

/** Registers every event listener; each feature adds its line here. */
export function registerEvents(app: App, deps: AppDeps): void {
  registerNudgeThreadActivity(app, deps);
  app.event('member_joined_channel', introOnBotJoined(deps));
  app.event('channel_created', introOnChannelCreated(deps));
  app.event('app_home_opened', homeOpened(deps));
  void app;
  void deps;
  app.event('message', messageListener(deps));
  app.event('app_mention', appMentionListener(deps));
  registerUninstall(app, deps);
  registerOrgWorkspaceAccess(app, deps);
  registerChannelSharing(app, deps);
}
