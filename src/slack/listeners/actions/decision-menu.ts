import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decisionInChannel, markDropped } from '../../../services/decisions.js';
import type { AppDeps } from '../../deps.js';
import { decisionListFor, openDecisionModal } from '../../flows/decision-support.js';
import { publishHomes } from '../../flows/home-publish.js';
import { outcomeModal } from '../../views/decisions-form.js';
import { parseDecisionActionValue } from '../../views/decisions-list.js';
import { escapeMrkdwn } from '../../views/mrkdwn.js';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

function chosenValue(action: BlockAction['actions'][number]): string | null {
  if (action.type === 'overflow' || action.type === 'static_select')
    return action.selected_option?.value ?? null;
  if (action.type === 'button') return action.value ?? null;
  return null;
}

/**
 * Overflow on each open decision: Mark decided (asks the outcome), Dropped, Edit. The value is untrusted: the
 * decision must belong to the deal linked to the channel the click came from, in the clicking user's team.
 */
export function decisionMenu(deps: AppDeps) {
  return async ({ ack, body, client, respond }: ActionArgs): Promise<void> => {
    await ack();
    const action = body.actions[0];
    const parsed = action ? parseDecisionActionValue(chosenValue(action) ?? '') : null;
    const teamId = body.team?.id ?? body.user.team_id;
    const channelId = body.channel?.id ?? body.container?.channel_id;
    const found =
      parsed && teamId && typeof channelId === 'string'
        ? await decisionInChannel(deps.repos, teamId, channelId, parsed.id)
        : null;
    if (!parsed || !teamId || !found) {
      deps.logger.warn(`refused a decision action from ${body.user.id}: not this channel's decision`);
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: "I couldn't find that decision in this channel's deal. Nothing was changed.",
      });
      return;
    }
    const { deal, decision } = found;
    if (decision.status !== 'open') {
      await respond({
        response_type: 'ephemeral',
        replace_original: true,
        ...(await decisionListFor(deps, client, deal, body.user.id, 'That decision was already closed.')),
      });
      return;
    }
    if (parsed.verb === 'decided') {
      await client.views.open({
        trigger_id: body.trigger_id,
        view: outcomeModal(decision, {
          decisionId: decision.id,
          channelId: deal.channelId,
          ...(body.response_url ? { responseUrl: body.response_url } : {}),
        }),
      });
    } else if (parsed.verb === 'edit') {
      await openDecisionModal(deps, client, {
        deal,
        decision,
        triggerId: body.trigger_id,
        userId: body.user.id,
        ...(body.response_url ? { responseUrl: body.response_url } : {}),
      });
    } else {
      await markDropped(deps.repos, decision);
      const notice = `Dropped: ${escapeMrkdwn(decision.title)}`;
      await respond({
        response_type: 'ephemeral',
        replace_original: true,
        ...(await decisionListFor(deps, client, deal, body.user.id, notice)),
      });
      await publishHomes(deps, client, teamId, [deal.ownerUserId, body.user.id]);
    }
  };
}
