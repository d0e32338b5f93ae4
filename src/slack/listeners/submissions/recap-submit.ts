import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { MODEL_BUSY_MESSAGE } from '../../../domain/model-gate.js';
import type { AppDeps } from '../../deps.js';
import { encodeRecapSubmission, runRecapSubmission } from '../../flows/recap-submission.js';
import { todayFor } from '../../flows/user-time.js';
import { activeDealForPayload } from '../../guards/deal.js';
import { userMayActOnDeal } from '../../guards/deal-access.js';
import { RECAP_IDS as R } from '../../views/ids.js';
import { parseRecapForm, parseRecapMetadata } from '../../views/recap-modal-parse.js';
import { ViewState } from '../../views/view-state.js';
import { recapDecisionEditSubmit, recapEntryEditSubmit } from './recap-edit-submit.js';
import { saveOrSayWhy } from './save-or-say-why.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const NOT_YOURS =
  'This form does not match a deal of your workspace any more. Close it and run /vision recap in the deal channel.';

const BUSY_NOTHING_SAVED = `${MODEL_BUSY_MESSAGE} Nothing was saved; what you typed is still here.`;

/**
 * Submit of the recap modal: validation errors inline; otherwise the text is stored, the ack closes the modal and
 * the slow work runs after it. The view id makes a retried or double submit post one recap.
 */
export function recapSubmitHandler(deps: AppDeps) {
  return async ({ ack, body, view, client, context }: Args): Promise<void> => {
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const userId = body.user.id;
    const meta = parseRecapMetadata(view.private_metadata);
    const found =
      meta && teamId ? await activeDealForPayload(deps, teamId, meta.dealId, meta.channelId) : null;
    // The metadata can name any channel's deal: the submitter must own it or be a member of its channel.
    const deal = found && (await userMayActOnDeal(client, found, userId)) ? found : null;
    if (!meta || !deal) {
      deps.logger.warn(`recap submit refused: deal ${meta?.dealId ?? '?'} is not team ${teamId}'s`);
      await ack({ response_action: 'errors', errors: { [R.title]: NOT_YOURS } });
      return;
    }
    const today = await todayFor(deps, client, teamId, userId);
    const parsed = parseRecapForm(ViewState.parse(view.state.values), today, meta);
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: parsed.errors });
      return;
    }
    // The slot is taken before the ack: when busy, the modal stays open with the text in it.
    const release = deps.modelGate ? deps.modelGate.tryEnter(teamId, userId) : () => undefined;
    if (!release) {
      await ack({ response_action: 'errors', errors: { [R.title]: BUSY_NOTHING_SAVED } });
      return;
    }
    // The rep's text is stored before the modal closes: if this fails, saveOrSayWhy keeps the modal open with
    // it; once stored, any later failure tells the rep what failed and offers to run it again from the text.
    let submission: Awaited<ReturnType<AppDeps['repos']['recapSubmissions']['saveOnce']>>;
    try {
      submission = await deps.repos.recapSubmissions.saveOnce(
        {
          teamId,
          dealId: deal.id,
          channelId: deal.channelId,
          userId,
          viewId: view.id,
          payload: encodeRecapSubmission(view.private_metadata, parsed.form),
          title: parsed.form.title,
        },
        deps.clock(),
      );
    } catch (error) {
      release();
      throw error;
    }
    await ack();
    if (!submission) {
      release();
      return;
    }
    try {
      await runRecapSubmission(deps, {
        client,
        botToken: context.botToken ?? '',
        submission,
        deal,
        meta,
        form: parsed.form,
        retry: false,
      });
    } finally {
      release();
    }
  };
}

export function registerRecapViews(app: App, deps: AppDeps): void {
  app.view(R.modal, saveOrSayWhy(deps, recapSubmitHandler(deps)));
  app.view(R.editEntryModal, saveOrSayWhy(deps, recapEntryEditSubmit(deps)));
  app.view(R.editDecisionModal, saveOrSayWhy(deps, recapDecisionEditSubmit(deps)));
}
