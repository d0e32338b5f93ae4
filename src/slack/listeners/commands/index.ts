import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { buildSubcommands } from './subcommands/index.js';
import { visionCommand } from './vision.js';

export function registerCommands(app: App, deps: AppDeps): void {
  app.command('/vision', visionCommand(deps, buildSubcommands()));
}
