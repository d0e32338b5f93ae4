import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { REFUSED, verifyDraftAccess } from '../../../services/drafts-access.js';
import type { AppDeps } from '../../deps.js';
import { hasCrm, sendToCrmAndReport } from '../../flows/crm.js';
import { runDraft } from '../../flows/drafts.js';
import {
  markConfirmed,
  markShared,
  type PlaybackContext,
  playedBackEntries,
} from '../../flows/drafts-playback.js';
import { sharePreview } from '../../flows/share-with-customer.js';
import { draftCorrectedModal, draftEditModal } from '../../views/draft-modals.js';
import { DRAFT_ACTIONS } from '../../views/ids.js';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
type DraftAction = (deps: AppDeps, args: ActionArgs, ctx: PlaybackContext) => Promise<void>;

const regenerate: DraftAction = async (deps, { client, respond }, ctx) => {
  await runDraft(deps, client, {
    teamId: ctx.teamId,
    channelId: ctx.deal.channelId,
    userId: ctx.userId,
    deal: ctx.deal,
    ...(ctx.draft.messageTs ? { parentTs: ctx.draft.messageTs } : {}),
    ...(ctx.draft.channelId ? { parentChannelId: ctx.draft.channelId } : {}),
    notify: async (text) => {
      await respond({ response_type: 'ephemeral', replace_original: false, text });
    },
  });
};

const modalMeta = (ctx: PlaybackContext) => ({
  draftId: ctx.draft.id,
  channelId: ctx.draft.channelId ?? ctx.deal.channelId,
  messageTs: ctx.draft.messageTs ?? '',
});

const edit: DraftAction = async (_deps, { client, body }, ctx) => {
  await client.views.open({ trigger_id: body.trigger_id, view: draftEditModal(ctx.draft, modalMeta(ctx)) });
};

const corrected: DraftAction = async (deps, { client, body }, ctx) => {
  const cited = await playedBackEntries(deps, ctx);
  await client.views.open({
    trigger_id: body.trigger_id,
    view: draftCorrectedModal(ctx.draft, cited, modalMeta(ctx)),
  });
};

/** "Share with customer": first the preview of exactly what the customer will see; only its Share posts. */
const shareWithCustomer: DraftAction = async (deps, { client, body }, ctx) => {
  await client.views.open({ trigger_id: body.trigger_id, view: await sharePreview(deps, ctx) });
};

const shared: DraftAction = async (deps, { client }, ctx) => {
  await markShared(deps, client, ctx);
};

const confirmed: DraftAction = async (deps, { client }, ctx) => {
  await markConfirmed(deps, client, ctx);
};

/** "Send to CRM" on the parent: this very version, reported privately; the service makes it exactly once. */
const sendToCrm: DraftAction = async (deps, { client, respond }, ctx) => {
  if (!hasCrm(deps)) {
    await respond({ response_type: 'ephemeral', replace_original: false, text: 'No CRM is connected.' });
    return;
  }
  await sendToCrmAndReport(deps, client, {
    teamId: ctx.teamId,
    dealId: ctx.deal.id,
    channelId: ctx.deal.channelId,
    userId: ctx.userId,
    version: ctx.draft.version,
  });
};

/**
 * Wraps a draft button: acks, then checks server-side that the draft in the button's value belongs to this
 * team, this channel's deal and this very message before doing anything. Forged values are refused.
 */
function draftButton(deps: AppDeps, name: string, action: DraftAction) {
  return async (args: ActionArgs): Promise<void> => {
    const { ack, body, respond } = args;
    await ack();
    const button = body.actions[0];
    const access = await verifyDraftAccess(deps.repos, {
      teamId: body.team?.id ?? body.user.team_id,
      channelId: body.channel?.id ?? body.container?.channel_id,
      messageTs: body.container?.message_ts ?? body.message?.ts,
      draftId: button && 'value' in button ? button.value : undefined,
    });
    if (!access.ok) {
      deps.logger.warn(`draft ${name}: refused (${access.reason})`);
      await respond({ response_type: 'ephemeral', replace_original: false, text: REFUSED });
      return;
    }
    const ctx: PlaybackContext = {
      teamId: access.deal.teamId,
      userId: body.user.id,
      draft: access.draft,
      deal: access.deal,
    };
    try {
      await action(deps, args, ctx);
    } catch (error) {
      deps.logger.error(`draft ${name} failed`, error);
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'Sorry, that did not work on our side. Nothing was lost; please try again.',
      });
    }
  };
}

export function registerDraftActions(app: App, deps: AppDeps): void {
  app.action(DRAFT_ACTIONS.regenerate, draftButton(deps, 'regenerate', regenerate));
  app.action(DRAFT_ACTIONS.edit, draftButton(deps, 'edit', edit));
  app.action(DRAFT_ACTIONS.shareWithCustomer, draftButton(deps, 'share with customer', shareWithCustomer));
  app.action(DRAFT_ACTIONS.markShared, draftButton(deps, 'mark shared', shared));
  app.action(DRAFT_ACTIONS.markConfirmed, draftButton(deps, 'mark confirmed', confirmed));
  app.action(DRAFT_ACTIONS.markCorrected, draftButton(deps, 'mark corrected', corrected));
  app.action(DRAFT_ACTIONS.sendToCrm, draftButton(deps, 'send to CRM', sendToCrm));
}
