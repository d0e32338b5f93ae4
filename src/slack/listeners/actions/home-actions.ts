import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ownDeal } from '../../../services/deals.js';
import type { AppDeps } from '../../deps.js';
import { publishHome } from '../../flows/home-publish.js';
import { entryModal } from '../../views/entry-form.js';
import { dealEntriesModal } from '../../views/home-entries.js';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

function dealIdOf(body: BlockAction): number | null {
  const action = body.actions[0];
  const value = action && action.type === 'button' ? action.value : undefined;
  return value && /^[1-9][0-9]{0,14}$/.test(value) ? Number(value) : null;
}

/**
 * Home buttons carry a deal id; it is only used when the deal is one the clicking user owns (what Home lists), of
 * their team. A stale or forged id just refreshes the Home tab.
 */
async function dealFromHome(deps: AppDeps, args: ActionArgs) {
  const teamId = args.body.team?.id ?? args.body.user.team_id;
  const dealId = dealIdOf(args.body);
  const found = teamId && dealId ? await ownDeal(deps.repos, teamId, dealId) : null;
  // Home lists the deals the user owns: any other id (another rep's deal, maybe of a private channel) is refused.
  const deal = found && found.ownerUserId === args.body.user.id ? found : null;
  if (!deal && teamId) {
    deps.logger.warn(
      `home action refused: deal ${dealId ?? '?'} is not one of the user's deals in team ${teamId}`,
    );
    await publishHome(deps, args.client, teamId, args.body.user.id);
  }
  return deal;
}

/** "Log an entry" on Home: the entries modal (with a kind selector); its submit handler saves the entry. */
export function homeLogEntry(deps: AppDeps) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const deal = await dealFromHome(deps, args);
    if (!deal) return;
    const stakeholders = await deps.repos.stakeholders.listByDeal(deal.teamId, deal.id);
    await args.client.views.open({
      trigger_id: args.body.trigger_id,
      view: entryModal({
        meta: { dealId: deal.id, channelId: deal.channelId },
        prefill: { chooseKind: true },
        stakeholders,
        accountName: deal.accountName,
      }),
    });
  };
}

/** "Open the list" on Home: an ephemeral message cannot be shown there, so a read-only modal instead. */
export function homeViewEntries(deps: AppDeps) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const deal = await dealFromHome(deps, args);
    if (!deal) return;
    const [entries, stakeholders] = await Promise.all([
      deps.repos.entries.listByDeal(deal.teamId, deal.id),
      deps.repos.stakeholders.listByDeal(deal.teamId, deal.id),
    ]);
    await args.client.views.open({
      trigger_id: args.body.trigger_id,
      view: dealEntriesModal(deal, entries, stakeholders),
    });
  };
}
