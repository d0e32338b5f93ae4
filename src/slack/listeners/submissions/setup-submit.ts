import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { dealInputSchema, stageChoices } from '../../../domain/deal-input.js';
import { saveDealSetup } from '../../../services/deals.js';
import type { AppDeps } from '../../deps.js';
import {
  crmChoiceFromSetup,
  keepCrmOwnedStage,
  linkAfterSetup,
  linkedCrmUrl,
} from '../../flows/crm-setup.js';
import { publishHomes } from '../../flows/home-publish.js';
import {
  announceInternalChannel,
  internalChannelProblem,
  storeInternalChannel,
} from '../../flows/internal-channel.js';
import { issuesToFieldErrors } from '../../views/entry-form-parse.js';
import { SETUP_FORM as F } from '../../views/ids.js';
import { dealLinkedMessage, SETUP_FIELD_TO_BLOCK } from '../../views/setup.js';
import { ViewState } from '../../views/view-state.js';
import { postDealNote } from './setup-confirm.js';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const metadataSchema = z.object({ channelId: z.string().regex(/^[CG][A-Z0-9]+$/) });

function parseMetadata(raw: string): z.infer<typeof metadataSchema> | null {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Submit of the setup modal: validates inline, saves the link once per view id, then (after the ack) posts a
 * one-line confirmation in the channel and refreshes the App Home of the people concerned.
 */
export function setupSubmit(deps: AppDeps) {
  return async ({ ack, body, view, client }: ViewArgs): Promise<void> => {
    const teamId = body.team?.id ?? body.user.team_id ?? view.team_id;
    const meta = parseMetadata(view.private_metadata);
    if (!teamId || !meta) {
      await ack({
        response_action: 'errors',
        errors: { [F.accountName]: 'This form is out of date. Close it and run /vision setup again.' },
      });
      return;
    }
    const [workspace, existing] = await Promise.all([
      deps.repos.workspaces.get(teamId),
      deps.repos.deals.getByChannel(teamId, meta.channelId),
    ]);
    const state = ViewState.parse(view.state.values);
    const parsed = dealInputSchema(stageChoices(workspace.settings.stages, existing?.stage)).safeParse({
      accountName: state.text(F.accountName) ?? '',
      dealName: state.text(F.dealName) ?? '',
      stage: state.selected(F.stage) ?? '',
      ownerUserId: state.user(F.owner) ?? '',
      crmUrl: state.text(F.crmUrl),
    });
    if (!parsed.success) {
      await ack({
        response_action: 'errors',
        errors: issuesToFieldErrors(parsed.error.issues, SETUP_FIELD_TO_BLOCK, F.accountName),
      });
      return;
    }
    const crmChoice = crmChoiceFromSetup(
      deps,
      state,
      parsed.data.crmUrl ?? null,
      await linkedCrmUrl(deps, existing),
    );
    if (crmChoice.problem) {
      await ack({
        response_action: 'errors',
        errors: { [crmChoice.problem.block]: crmChoice.problem.message },
      });
      return;
    }
    const unlink = state.selectedMany(F.internalChannelOff).includes('off');
    const internalChannel = unlink ? null : state.conversation(F.internalChannel);
    const internalProblem = internalChannel
      ? await internalChannelProblem(deps, client, teamId, meta.channelId, internalChannel)
      : null;
    if (internalProblem) {
      await ack({ response_action: 'errors', errors: { [F.internalChannel]: internalProblem } });
      return;
    }
    let result: Awaited<ReturnType<typeof saveDealSetup>>;
    let newlyLinked = false;
    try {
      result = await saveDealSetup(deps.repos, {
        teamId,
        channelId: meta.channelId,
        input: parsed.data,
        idempotencyKey: `setup:${view.id}`,
      });
      if (result.status !== 'duplicate')
        newlyLinked = await storeInternalChannel(deps, result.deal, internalChannel);
    } catch (error) {
      deps.logger.error('saving the deal setup failed', error);
      await ack({
        response_action: 'errors',
        errors: {
          [F.accountName]: 'Saving failed on our side and nothing was saved. Please press Save again.',
        },
      });
      return;
    }
    await ack();
    if (result.status === 'duplicate') return;
    const { deal, previous } = result;
    if (newlyLinked && internalChannel) await announceInternalChannel(deps, client, deal, internalChannel);
    // The stage and the CRM link are ours: in a channel shared with the customer the line goes elsewhere.
    await postDealNote(
      deps,
      client,
      deal,
      body.user.id,
      dealLinkedMessage(deal, result.status, body.user.id),
      'deal linked',
    );
    if (crmChoice.ref) await linkAfterSetup(deps, client, { deal, ref: crmChoice.ref, userId: body.user.id });
    else await keepCrmOwnedStage(deps, deal);
    await publishHomes(deps, client, teamId, [deal.ownerUserId, previous?.ownerUserId, body.user.id]);
  };
}
