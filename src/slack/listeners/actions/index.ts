import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { ACTION_IDS, DECISION_ACTIONS, ENTRY_LIST, HOME_ACTIONS, LISTEN_IDS } from '../../views/ids.js';
import { CAPTURE_BUTTONS } from '../../views/listen-blocks.js';
import { decisionMenu } from './decision-menu.js';
import { registerDraftActions } from './draft-actions.js';
import { homeLogEntry, homeViewEntries } from './home-actions.js';
import { listEntryActionHandler } from './list-entry-actions.js';
import { listenCaptureButton } from './listen-capture.js';
import { registerNudgeButtons } from './nudge-buttons.js';
import { quietButton } from './quiet-button.js';
import { registerRecapActions } from './recap-actions.js';
import { setupButton } from './setup-button.js';

/** Registers every action listener; each feature adds its line here. */
export function registerActions(app: App, deps: AppDeps): void {
  registerRecapActions(app, deps);
  registerDraftActions(app, deps);
  registerNudgeButtons(app, deps);
  app.action(ACTION_IDS.setupDeal, setupButton(deps));
  app.action(DECISION_ACTIONS.menu, decisionMenu(deps));
  app.action(HOME_ACTIONS.logEntry, homeLogEntry(deps));
  app.action(HOME_ACTIONS.viewEntries, homeViewEntries(deps));
  app.action(LISTEN_IDS.logWhatTheySaid, listenCaptureButton(deps, null));
  for (const b of CAPTURE_BUTTONS) app.action(b.actionId, listenCaptureButton(deps, b.kind));
  app.action(LISTEN_IDS.quiet, quietButton(deps));
  for (const actionId of Object.values(ENTRY_LIST)) app.action(actionId, listEntryActionHandler(deps));
}
