import { decisionListFor, openDecisionModal } from '../../../flows/decision-support.js';
import { dealForChannelOrExplain } from '../../../guards/deal.js';
import type { Subcommand } from './types.js';

/** `/vision decision [text]`: a choice the customer still has to make, with owners and a date. */
export function decisionSubcommand(): Subcommand {
  return {
    name: 'decision',
    usage: 'decision [what they must decide]',
    summary: 'Log a decision the customer still has to make (owner on both sides, due date)',
    group: 'Decisions',
    async run({ deps, client, respond, teamId, channelId, userId, triggerId, args }) {
      const deal = await dealForChannelOrExplain(deps, teamId, channelId, respond);
      if (!deal) return;
      await openDecisionModal(deps, client, { deal, triggerId, userId, title: args });
    },
  };
}

/** `/vision decisions`: the open decisions of this deal, privately, with Mark decided / Dropped / Edit. */
export function decisionsSubcommand(): Subcommand {
  return {
    name: 'decisions',
    usage: 'decisions',
    summary: 'List open decisions: who decides, by when, what is overdue',
    group: 'Decisions',
    async run({ deps, client, respond, teamId, channelId, userId }) {
      const deal = await dealForChannelOrExplain(deps, teamId, channelId, respond);
      if (!deal) return;
      await respond({ response_type: 'ephemeral', ...(await decisionListFor(deps, client, deal, userId)) });
    },
  };
}
