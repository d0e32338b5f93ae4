import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { CAPTURE_BUTTONS } from '../../views/listen-blocks.js';
import { ACTION_IDS, ENTRY_LIST, LISTEN_IDS } from '../../views/ids.js';
import { listEntryActionHandler } from './list-entry-actions.js';
import { listenCaptureButton } from './listen-capture.js';
import { quietButton } from './quiet-button.js';
import { setupButton } from './setup-button.js';

/** Registers every action listener; each feature adds its line here. */
export function registerActions(app: App, deps: AppDeps): void {
  app.action(ACTION_IDS.setupDeal, setupButton(deps));
  app.action(LISTEN_IDS.logWhatTheySaid, listenCaptureButton(deps, null));
  for (const b of CAPTURE_BUTTONS) app.action(b.actionId, listenCaptureButton(deps, b.kind));
  app.action(LISTEN_IDS.quiet, quietButton(deps));
  for (const actionId of Object.values(ENTRY_LIST)) app.action(actionId, listEntryActionHandler(deps));
}
