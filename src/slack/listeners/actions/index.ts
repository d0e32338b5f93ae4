import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { ACTION_IDS } from '../../views/ids.js';
import { setupButton } from './setup-button.js';

/** Registers every action listener; each feature adds its line here. */
export function registerActions(app: App, deps: AppDeps): void {
  app.action(ACTION_IDS.setupDeal, setupButton(deps));
}
