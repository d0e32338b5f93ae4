import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { isInternalOnlyProposal } from '../../../domain/privacy/recap-proposals.js';
import type { AppDeps } from '../../deps.js';
import {
  confirmProposal,
  discardProposal,
  type ProposalContext,
  proposalContext,
  refreshProposalMessage,
} from '../../flows/recap-confirm.js';
import { mayActOnProposal, refreshPrivateProposal } from '../../flows/recap-private.js';
import { activeDealForPayload } from '../../guards/deal.js';
import { RECAP_IDS } from '../../views/ids.js';
import { recapDecisionEditModal, recapEntryEditModal } from '../../views/recap-edit.js';
import { openRecapModal } from '../commands/subcommands/recap.js';
import { recapRefreshDraftHandler } from './recap-refresh-draft.js';
import { recapRetryHandler } from './recap-retry.js';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

const GONE = 'This proposal is not available any more (the deal may have been archived).';

function clickContext(body: BlockAction) {
  return {
    teamId: body.team?.id ?? body.user.team_id ?? '',
    userId: body.user.id,
    channelId: body.channel?.id ?? '',
    threadTs: body.message?.thread_ts,
  };
}

async function tell(client: WebClient, body: BlockAction, text: string): Promise<void> {
  const { channelId, userId, threadTs } = clickContext(body);
  if (!channelId) return;
  await client.chat.postEphemeral({
    channel: channelId,
    user: userId,
    text,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });
}

async function loadProposal(deps: AppDeps, args: Args): Promise<ProposalContext | null> {
  const id = Number(args.action.value);
  const { teamId, userId, channelId } = clickContext(args.body);
  const ctx = Number.isInteger(id) && id > 0 && teamId ? await proposalContext(deps.repos, teamId, id) : null;
  if (!ctx || !mayActOnProposal(ctx, { userId, channelId })) {
    await tell(args.client, args.body, GONE);
    return null;
  }
  return ctx;
}

async function openEditModal(deps: AppDeps, client: WebClient, triggerId: string, ctx: ProposalContext) {
  const { proposal, meeting, deal } = ctx;
  const view =
    proposal.kind === 'entry'
      ? recapEntryEditModal({
          proposalId: proposal.id,
          payload: proposal.payload,
          meeting,
          stakeholders: await deps.repos.stakeholders.listByDeal(deal.teamId, deal.id),
        })
      : recapDecisionEditModal({ proposalId: proposal.id, payload: proposal.payload, meeting });
  await client.views.open({ trigger_id: triggerId, view });
}

/** The thread message in the channel, or the rep's private copy for a proposal kept out of the channel. */
async function showOutcome(deps: AppDeps, args: Args, ctx: ProposalContext): Promise<void> {
  if (isInternalOnlyProposal(ctx.proposal)) await refreshPrivateProposal(deps, args.respond, ctx);
  else await refreshProposalMessage(deps, args.client, ctx);
}

/** Confirm: written exactly once; a proposal that needs a name (a quote without speaker) opens the form. */
export function recapConfirmHandler(deps: AppDeps) {
  return async (args: Args): Promise<void> => {
    await args.ack();
    const ctx = await loadProposal(deps, args);
    if (!ctx) return;
    const result = await confirmProposal(deps, ctx, args.body.user.id);
    if (result.status === 'needs_edit') {
      await openEditModal(deps, args.client, args.body.trigger_id, ctx);
      return;
    }
    await showOutcome(deps, args, { ...ctx, proposal: result.proposal });
  };
}

export function recapEditHandler(deps: AppDeps) {
  return async (args: Args): Promise<void> => {
    await args.ack();
    const ctx = await loadProposal(deps, args);
    if (!ctx) return;
    if (ctx.proposal.status !== 'proposed') {
      await tell(args.client, args.body, `This proposal was already ${ctx.proposal.status}.`);
      return;
    }
    await openEditModal(deps, args.client, args.body.trigger_id, ctx);
  };
}

/** Discard: marks it discarded; nothing is written. */
export function recapDiscardHandler(deps: AppDeps) {
  return async (args: Args): Promise<void> => {
    await args.ack();
    const ctx = await loadProposal(deps, args);
    if (!ctx) return;
    await discardProposal(deps, ctx, args.body.user.id);
    const current = await deps.repos.meetings.getProposal(ctx.deal.teamId, ctx.proposal.id);
    await showOutcome(deps, args, { ...ctx, proposal: current ?? ctx.proposal });
  };
}

/** "Write the recap" on a scheduled meeting's prompt: the recap modal, prefilled. */
export function recapOpenFromPromptHandler(deps: AppDeps) {
  return async (args: Args): Promise<void> => {
    await args.ack();
    const { teamId, userId } = clickContext(args.body);
    const id = Number(args.action.value);
    const meeting = Number.isInteger(id) && id > 0 ? await deps.repos.meetings.getById(teamId, id) : null;
    const channelId = args.body.channel?.id ?? '';
    const deal = meeting ? await activeDealForPayload(deps, teamId, meeting.dealId) : null;
    // The prompt is in the deal channel, or (Slack Connect) where the meeting records it was posted.
    if (!meeting || !deal || (channelId !== deal.channelId && channelId !== meeting.channelId)) {
      await tell(args.client, args.body, 'This meeting is not available any more.');
      return;
    }
    await openRecapModal(deps, args.client, { triggerId: args.body.trigger_id, userId, deal, meeting });
  };
}

/** The recap's buttons: Confirm / Edit / Discard on proposals, the prompt's "Write the recap", draft refresh. */
export function registerRecapActions(app: App, deps: AppDeps): void {
  app.action(RECAP_IDS.confirm, recapConfirmHandler(deps));
  app.action(RECAP_IDS.edit, recapEditHandler(deps));
  app.action(RECAP_IDS.discard, recapDiscardHandler(deps));
  app.action(RECAP_IDS.openFromPrompt, recapOpenFromPromptHandler(deps));
  app.action(RECAP_IDS.refreshDraft, recapRefreshDraftHandler(deps));
  app.action(RECAP_IDS.retrySubmission, recapRetryHandler(deps));
}
