import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { VIEW_IDS } from '../../views/ids.js';
import { entrySubmitHandler } from './entry-submit.js';
import { setupSubmit } from './setup-submit.js';

/** Registers every view listener; each feature adds its line here. */
export function registerViews(app: App, deps: AppDeps): void {
  app.view(VIEW_IDS.logEntry, entrySubmitHandler(deps));
  app.view(VIEW_IDS.editEntry, entrySubmitHandler(deps));
  app.view(VIEW_IDS.setupDeal, setupSubmit(deps));
}
