import { allItems, planTeamNudges } from '../../../../services/nudges.js';
import { activeDealForChannel } from '../../../guards/deal.js';
import { escapeMrkdwn } from '../../../views/mrkdwn.js';
import { stalledListMessage } from '../../../views/nudge-blocks.js';
import type { Subcommand } from './types.js';

/** `/vision stalled`: this deal's stalled decisions in a deal channel, else those of the user's deals. */
export function stalledSubcommand(): Subcommand {
  return {
    name: 'stalled',
    usage: 'stalled',
    summary: 'List stalled customer decisions (this deal, or all of yours)',
    group: 'Decisions',
    async run({ deps, teamId, userId, channelId, respond }) {
      const now = deps.clock();
      const deal = await activeDealForChannel(deps, teamId, channelId);
      if (deal) {
        const team = await planTeamNudges(deps.repos, teamId, { now, onDemand: true, dealId: deal.id });
        const items = allItems(team.plan).filter((item) => item.dealId === deal.id);
        await respond({
          response_type: 'ephemeral',
          ...stalledListMessage(items, `at ${escapeMrkdwn(deal.accountName)}`),
        });
        return;
      }
      const team = await planTeamNudges(deps.repos, teamId, { now, onDemand: true });
      const ownedDeals = new Set(team.deals.filter((d) => d.ownerUserId === userId).map((d) => d.id));
      const items = allItems(team.plan).filter(
        (item) => item.ourOwnerUserId === userId || ownedDeals.has(item.dealId),
      );
      await respond({ response_type: 'ephemeral', ...stalledListMessage(items, 'across your deals') });
    },
  };
}
