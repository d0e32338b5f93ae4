import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { ACTION_IDS } from '../../views/ids.js';
import { logMessageShortcut } from './log-message.js';

/** Registers every global and message shortcut; each feature adds its line here. */
export function registerShortcuts(app: App, deps: AppDeps): void {
  app.shortcut(ACTION_IDS.logMessageShortcut, logMessageShortcut(deps));
}
