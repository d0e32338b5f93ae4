import type { App } from '@slack/bolt';
import type { AppDeps } from '../deps.js';
import { registerCommands } from './commands/index.js';

/** Registers every listener, by kind. Each kind's index.ts wires its own files. */
export function registerListeners(app: App, deps: AppDeps): void {
  registerCommands(app, deps);
}
