import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { appMentionListener } from './app-mention.js';
import { messageListener } from './message.js';

/** Registers every event listener; each feature adds its line here. */
export function registerEvents(app: App, deps: AppDeps): void {
  void app;
  void deps;
  app.event('message', messageListener(deps));
  app.event('app_mention', appMentionListener(deps));
}
