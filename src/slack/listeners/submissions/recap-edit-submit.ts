import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { isInternalOnlyProposal } from '../../../domain/privacy/recap-proposals.js';
import type { DecisionProposalPayload } from '../../../domain/recap/meeting.js';
import { parseLocalDate } from '../../../domain/time/zoned-time.js';
import type { AppDeps } from '../../deps.js';
import {
  type ConfirmResult,
  confirmProposal,
  type ProposalContext,
  proposalContext,
  refreshProposalMessage,
} from '../../flows/recap-confirm.js';
import { tellPrivateOutcome } from '../../flows/recap-private.js';
import { parseEntryForm } from '../../views/entry-form-parse.js';
import { ENTRY_FORM as F, RECAP_IDS as R } from '../../views/ids.js';
import type { FieldErrors } from '../../views/view-state.js';
import { ViewState } from '../../views/view-state.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const metaSchema = z.object({ proposalId: z.number().int().positive() });

async function contextOf(deps: AppDeps, args: Args): Promise<ProposalContext | null> {
  const teamId = args.body.team?.id ?? args.body.user.team_id ?? '';
  let raw: unknown;
  try {
    raw = JSON.parse(args.view.private_metadata ?? '');
  } catch {
    return null;
  }
  const meta = metaSchema.safeParse(raw);
  return meta.success && teamId ? proposalContext(deps.repos, teamId, meta.data.proposalId) : null;
}

/** Confirms with the edited values, before the ack so a problem shows in the form; then updates the thread. */
async function confirmEdited(
  deps: AppDeps,
  args: Args,
  errorBlock: string,
  run: (ctx: ProposalContext) => Promise<ConfirmResult | { errors: FieldErrors }>,
): Promise<void> {
  const ctx = await contextOf(deps, args);
  if (!ctx) {
    await args.ack({
      response_action: 'errors',
      errors: { [errorBlock]: 'This proposal is not available any more.' },
    });
    return;
  }
  if (ctx.proposal.status !== 'proposed') {
    await args.ack({
      response_action: 'errors',
      errors: { [errorBlock]: `This proposal was already ${ctx.proposal.status}; nothing more was saved.` },
    });
    return;
  }
  let result: ConfirmResult | { errors: FieldErrors };
  try {
    result = await run(ctx);
  } catch (error) {
    deps.logger.error('confirming an edited recap proposal failed', error);
    await args.ack({
      response_action: 'errors',
      errors: { [errorBlock]: 'Saving failed on our side; please try again.' },
    });
    return;
  }
  if ('errors' in result) {
    await args.ack({ response_action: 'errors', errors: result.errors });
    return;
  }
  await args.ack();
  if (result.status === 'needs_edit') return;
  const updated = { ...ctx, proposal: result.proposal };
  if (isInternalOnlyProposal(ctx.proposal))
    await tellPrivateOutcome(deps, args.client, updated, args.body.user.id);
  else await refreshProposalMessage(deps, args.client, updated);
}

export function recapEntryEditSubmit(deps: AppDeps) {
  return (args: Args) =>
    confirmEdited(deps, args, F.statement, async (ctx) => {
      const form = parseEntryForm(ViewState.parse(args.view.state.values));
      if (!form.ok) return { errors: form.errors };
      return confirmProposal(deps, ctx, args.body.user.id, { entry: form.input });
    });
}

export function recapDecisionEditSubmit(deps: AppDeps) {
  return (args: Args) =>
    confirmEdited(
      deps,
      args,
      R.decisionTitle,
      async (ctx): Promise<ConfirmResult | { errors: FieldErrors }> => {
        const state = ViewState.parse(args.view.state.values);
        const title = state.text(R.decisionTitle) ?? '';
        const dueDate = state.date(R.decisionDue);
        if (title.length < 3)
          return { errors: { [R.decisionTitle]: 'Say what they must decide (at least 3 characters).' } };
        if (dueDate && !parseLocalDate(dueDate)) return { errors: { [R.decisionDue]: 'Pick a real date.' } };
        const decision: DecisionProposalPayload = { title, ownerName: state.text(R.decisionOwner), dueDate };
        return confirmProposal(deps, ctx, args.body.user.id, { decision });
      },
    );
}
