import { helpBlocks } from '../../../views/help.js';
import type { Subcommand } from './types.js';

/** `/vision help`: the list is built from the registry, so it always matches what exists. */
export function helpSubcommand(all: () => readonly Subcommand[]): Subcommand {
  return {
    name: 'help',
    usage: 'help',
    summary: 'Show this list of commands',
    group: 'Set up',
    async run({ respond }) {
      await respond({ response_type: 'ephemeral', ...helpBlocks(all()) });
    },
  };
}
