import type { RespondFn, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { AppDeps } from '../../../deps.js';
import type { HelpEntry } from '../../../views/help.js';

export interface SubcommandContext {
  /** The text after the subcommand name, trimmed. */
  args: string;
  command: SlashCommand;
  teamId: string;
  userId: string;
  channelId: string;
  triggerId: string;
  client: WebClient;
  respond: RespondFn;
  deps: AppDeps;
}

export interface Subcommand extends HelpEntry {
  /** Runs after the command was acknowledged, so it may open modals (trigger_id) or do slow work. */
  run(ctx: SubcommandContext): Promise<void>;
}
