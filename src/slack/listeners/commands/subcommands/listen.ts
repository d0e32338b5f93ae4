import { listenAiStatus } from '../../../../services/listen-second-opinion.js';
import { adminRefusalFor, workspaceAdminCheck } from '../../../flows/workspace-admin.js';
import {
  LISTEN_AI_NEEDS_MODEL,
  LISTEN_AI_USAGE,
  listenAiStatusText,
  listenAiTurnedText,
} from '../../../views/listen-ai.js';
import type { Subcommand } from './types.js';

/**
 * `/vision listen ai [on|off]`: the optional model second opinion on messages the local classifier is unsure
 * about. Anyone may see the setting (it concerns their messages); only workspace admins and owners change it.
 */
export function listenSubcommand(): Subcommand {
  return {
    name: 'listen',
    usage: 'listen ai [on|off]',
    summary: 'Whether a model gives a second opinion on messages the listening check is unsure about',
    group: 'Settings',
    async run({ args, teamId, userId, client, respond, deps }) {
      const [topic = '', verb = '', ...rest] = args.toLowerCase().split(/\s+/).filter(Boolean);
      const reply = (text: string) => respond({ response_type: 'ephemeral', text });
      if (topic !== 'ai' || rest.length > 0 || !['', 'on', 'off'].includes(verb)) {
        await reply(LISTEN_AI_USAGE);
        return;
      }
      if (verb === '') {
        await reply(listenAiStatusText(await listenAiStatus(deps, teamId)));
        return;
      }
      if (verb === 'on' && !deps.listenSecondOpinion) {
        await reply(LISTEN_AI_NEEDS_MODEL);
        return;
      }
      const check = await workspaceAdminCheck(deps, client, userId);
      if (check !== 'admin') {
        await reply(adminRefusalFor(check, `/vision listen ai ${verb}`));
        return;
      }
      await deps.repos.listenModel.setEnabled(teamId, verb === 'on', userId, deps.clock());
      deps.logger.info(`listen second opinion turned ${verb} by ${userId}`);
      await reply(listenAiTurnedText(await listenAiStatus(deps, teamId)));
    },
  };
}
