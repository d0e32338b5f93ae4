import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { closestMatch } from '../../../domain/text/similarity.js';
import type { AppDeps } from '../../deps.js';
import { unknownSubcommandBlocks } from '../../views/help.js';
import { quoteMrkdwn, truncate } from '../../views/mrkdwn.js';
import type { Subcommand } from './subcommands/types.js';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

export function findSubcommand(subcommands: readonly Subcommand[], name: string): Subcommand | undefined {
  const needle = name.toLowerCase();
  return subcommands.find((s) => s.name === needle || s.aliases?.includes(needle));
}

/** `/vision <subcommand> [args]`: acknowledges at once, then routes. */
export function visionCommand(deps: AppDeps, subcommands: readonly Subcommand[]) {
  return async ({ command, ack, respond, client }: CommandArgs): Promise<void> => {
    await ack();
    const text = command.text.trim();
    const [first = '', ...rest] = text.split(/\s+/);
    const name = first === '' ? 'help' : first;
    const subcommand = findSubcommand(subcommands, name);
    if (!subcommand) {
      const names = subcommands.flatMap((s) => [s.name, ...(s.aliases ?? [])]);
      await respond({
        response_type: 'ephemeral',
        ...unknownSubcommandBlocks(name, closestMatch(name, names), subcommands),
      });
      return;
    }
    const args = text.slice(first.length).trim() || rest.join(' ');
    try {
      await subcommand.run({
        args,
        command,
        teamId: command.team_id,
        userId: command.user_id,
        channelId: command.channel_id,
        triggerId: command.trigger_id,
        client,
        respond,
        deps,
      });
    } catch (error) {
      deps.logger.error(`/vision ${subcommand.name} failed`, error);
      await respond({
        response_type: 'ephemeral',
        // Slack clears the composer after a command, so what was typed is given back to copy.
        text: `Sorry, \`/vision ${subcommand.name}\` failed on our side. What you typed, to try again:\n${quoteMrkdwn(truncate(`/vision ${text}`, 2_900))}`,
      });
    }
  };
}
