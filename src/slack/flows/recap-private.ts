import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { isInternalOnlyProposal } from '../../domain/privacy/recap-proposals.js';
import type { RecapProposal } from '../../domain/recap/meeting.js';
import type { AppLogger } from '../../logger.js';
import type { Repositories } from '../../storage/ports.js';
import { chunkProposals } from '../views/recap-messages.js';
import { privateProposalMessage } from '../views/recap-private-messages.js';
import { replyPrivately } from './private-reply.js';
import type { ProposalContext } from './recap-confirm.js';

type Respond = (message: { replace_original: true; text: string; blocks: KnownBlock[] }) => Promise<unknown>;

/**
 * Who may act on a proposal's button. One kept private was shown only to the rep who wrote the recap (as an
 * ephemeral in the deal channel or in their DM), so only that rep may; any other must click in the deal's channel.
 */
export function mayActOnProposal(
  ctx: ProposalContext,
  click: { userId: string; channelId: string },
): boolean {
  if (isInternalOnlyProposal(ctx.proposal)) return click.userId === ctx.meeting.createdBy;
  return click.channelId === ctx.meeting.channelId;
}

/** The private message's proposals, from storage: the same chunk as was sent (see postRecapThread). */
async function privateChunkOf(repos: Repositories, ctx: ProposalContext): Promise<RecapProposal[]> {
  const all = await repos.meetings.listProposals(ctx.deal.teamId, ctx.meeting.id);
  const chunks = chunkProposals(all.filter(isInternalOnlyProposal));
  return chunks.find((c) => c.some((p) => p.id === ctx.proposal.id)) ?? [ctx.proposal];
}

/** Re-renders the rep's private copy in place (ephemeral or DM) through the click's response_url. */
export async function refreshPrivateProposal(
  deps: { repos: Repositories; logger: AppLogger },
  respond: Respond,
  ctx: ProposalContext,
): Promise<void> {
  try {
    const chunk = await privateChunkOf(deps.repos, ctx);
    await respond({ replace_original: true, ...privateProposalMessage(ctx.meeting, chunk) });
  } catch (error) {
    deps.logger.warn(`updating the private recap proposal ${ctx.proposal.id} failed`, error);
  }
}

/** After an edit form (no response_url): the outcome goes to the rep privately, never to the thread. */
export async function tellPrivateOutcome(
  deps: { logger: AppLogger },
  client: WebClient,
  ctx: ProposalContext,
  userId: string,
): Promise<void> {
  await replyPrivately(
    deps,
    client,
    {
      channelId: ctx.meeting.channelId,
      userId,
      ...(ctx.meeting.recapTs ? { threadTs: ctx.meeting.recapTs } : {}),
    },
    privateProposalMessage(ctx.meeting, [ctx.proposal]),
    'internal-only recap proposal outcome',
  );
}
