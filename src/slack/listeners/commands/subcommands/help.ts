import { helpBlocks } from '../../../views/help.js';
import type { Subcommand } from './types.js';

/** `/vision help`: the list is built from the registry, so it always matches what exists. */
export function helpSubcommand(all: () => readonly Subcommand[]): Subcommand {
  // The registry is fixed once the app is built, so the message is built once, on the first /vision help.
  let message: ReturnType<typeof helpBlocks> | null = null;
  return {
    name: 'help',
    usage: 'help',
    summary: 'Show this list of commands',
    group: 'Set up',
    async run({ respond }) {
      message ??= helpBlocks(all());
      await respond({ response_type: 'ephemeral', ...message });
    },
  };
}
