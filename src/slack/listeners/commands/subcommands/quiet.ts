import { quietReply } from '../../../views/listen-blocks.js';
import type { Subcommand } from './types.js';

/** `/vision quiet [on|off]`: turns listening tips (nudges and capture offers) off or on for the caller. */
export function quietSubcommand(): Subcommand {
  return {
    name: 'quiet',
    aliases: ['mute'],
    usage: 'quiet [on|off]',
    summary: 'Turn private listening tips in deal channels off (or back on) for you',
    group: 'Settings',
    async run({ args, teamId, userId, respond, deps }) {
      const word = args.trim().toLowerCase();
      const listening = deps.repos.listening;
      const quiet =
        word === 'on' || word === 'true' || word === 'yes'
          ? true
          : word === 'off' || word === 'false' || word === 'no'
            ? false
            : !(await listening.isQuiet(teamId, userId));
      await listening.setQuiet(teamId, userId, quiet, deps.clock());
      await respond({ response_type: 'ephemeral', text: quietReply(quiet) });
    },
  };
}
