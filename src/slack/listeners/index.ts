import type { App } from '@slack/bolt';
import type { AppDeps } from '../deps.js';
import { registerActions } from './actions/index.js';
import { registerCommands } from './commands/index.js';
import { registerCrm } from './crm/index.js';
import { registerEvents } from './events/index.js';
import { registerShortcuts } from './shortcuts/index.js';
import { registerSubmissions } from './submissions/index.js';

/** Registers every listener, by kind. Each kind's index.ts wires its own files. */
export function registerListeners(app: App, deps: AppDeps): void {
  registerCommands(app, deps);
  registerActions(app, deps);
  registerSubmissions(app, deps);
  registerEvents(app, deps);
  registerShortcuts(app, deps);
  registerCrm(app, deps);
}
