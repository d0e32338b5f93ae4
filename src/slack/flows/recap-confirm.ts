import type { WebClient } from '@slack/web-api';
import type { Deal } from '../../domain/deals.js';
import { type EntryInput, entryInputSchema } from '../../domain/entry-input.js';
import { isInternalOnlyProposal } from '../../domain/privacy/recap-proposals.js';
import type { DecisionProposalPayload, Meeting, RecapProposal } from '../../domain/recap/meeting.js';
import { type Stakeholder, stakeholderKey } from '../../domain/stakeholders.js';
import type { AppLogger } from '../../logger.js';
import { createEntry } from '../../services/capture.js';
import type { Repositories } from '../../storage/ports.js';
import { proposalMessage } from '../views/recap-messages.js';

export interface ConfirmDeps {
  repos: Repositories;
  logger: AppLogger;
  clock: () => Date;
}

export interface ProposalContext {
  proposal: RecapProposal;
  meeting: Meeting;
  deal: Deal;
}

/** The proposal with its meeting and deal, when all belong to the team (ids from buttons are untrusted). */
export async function proposalContext(
  repos: Repositories,
  teamId: string,
  proposalId: number,
): Promise<ProposalContext | null> {
  const proposal = await repos.meetings.getProposal(teamId, proposalId);
  const meeting = proposal ? await repos.meetings.getById(teamId, proposal.meetingId) : null;
  const deal = meeting ? await repos.deals.getById(teamId, meeting.dealId) : null;
  if (!proposal || !meeting || !deal || deal.archived) return null;
  return { proposal, meeting, deal };
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** The entry a proposal would become; invalid (e.g. a quote without a speaker) means a person must edit it. */
export function entryInputFromProposal(
  ctx: ProposalContext,
): ReturnType<typeof entryInputSchema.safeParse> | null {
  if (ctx.proposal.kind !== 'entry') return null;
  const p = ctx.proposal.payload;
  // Our own proposals carry no customer quote or stakeholder: the words are ours.
  const ours = p.kind === 'proposal';
  return entryInputSchema.safeParse({
    kind: p.kind,
    statement: clip(p.statement, 300),
    quote: ours || !p.quote ? null : clip(p.quote, 3_000),
    stakeholderId: null,
    stakeholderName: ours || !p.speaker ? null : clip(p.speaker, 80),
    stakeholderTitle: null,
    stakeholderRole: null,
    source: null,
    saidOn: ctx.meeting.meetingDate,
    priority: 'medium',
    status: 'unconfirmed',
    constraintCategory: p.constraintCategory,
    severity: null,
    // Confirmed without a form: a personal fear or someone's standing is kept internal, as the form would offer.
    internalOnly: isInternalOnlyProposal(ctx.proposal),
  });
}

/** A stakeholder of the deal named like the owner: the same full name, or the only one with that first name. */
export function matchStakeholder(stakeholders: Stakeholder[], name: string | null): Stakeholder | null {
  if (!name) return null;
  const key = stakeholderKey(name);
  const exact = stakeholders.find((s) => stakeholderKey(s.name) === key);
  if (exact) return exact;
  const first = key.split(' ')[0];
  const byFirst = stakeholders.filter((s) => stakeholderKey(s.name).split(' ')[0] === first);
  return byFirst.length === 1 ? byFirst[0]! : null;
}

export type ConfirmResult =
  | { status: 'confirmed'; proposal: RecapProposal }
  | { status: 'already'; proposal: RecapProposal }
  | { status: 'needs_edit' };

/**
 * Confirms a proposal exactly once: the proposal moves from `proposed` to `confirmed` for one caller only, and the
 * entry (source = this meeting) or decision is written under an idempotency key. A failed write reopens it.
 */
export async function confirmProposal(
  deps: ConfirmDeps,
  ctx: ProposalContext,
  userId: string,
  override?: { entry?: EntryInput; decision?: DecisionProposalPayload },
): Promise<ConfirmResult> {
  const { proposal, meeting, deal } = ctx;
  const teamId = deal.teamId;
  let entryInput: EntryInput | null = override?.entry ?? null;
  if (proposal.kind === 'entry' && !entryInput) {
    const parsed = entryInputFromProposal(ctx);
    if (!parsed?.success) return { status: 'needs_edit' };
    entryInput = parsed.data;
  }
  const claimed = await deps.repos.meetings.resolveProposal(
    teamId,
    proposal.id,
    'confirmed',
    userId,
    deps.clock(),
  );
  if (!claimed) {
    const current = await deps.repos.meetings.getProposal(teamId, proposal.id);
    return { status: 'already', proposal: current ?? proposal };
  }
  try {
    if (proposal.kind === 'entry') {
      const result = await createEntry({ repos: deps.repos, teamId, dealId: deal.id, userId }, entryInput!, {
        knownSource: { type: 'meeting', ref: String(meeting.id) },
        idempotencyKey: `recap-proposal:${proposal.id}`,
      });
      if (result.status === 'created') {
        await deps.repos.meetings.setProposalResult(teamId, proposal.id, { entryId: result.entry.id });
      }
    } else {
      const payload = override?.decision ?? proposal.payload;
      const owner = matchStakeholder(
        await deps.repos.stakeholders.listByDeal(teamId, deal.id),
        payload.ownerName,
      );
      const decision = await deps.repos.decisions.create({
        teamId,
        dealId: deal.id,
        title: clip(payload.title, 300),
        createdBy: userId,
        customerOwnerId: owner?.id ?? null,
        dueDate: payload.dueDate,
      });
      await deps.repos.meetings.setProposalResult(teamId, proposal.id, { decisionId: decision.id });
    }
  } catch (error) {
    await deps.repos.meetings.reopenProposal(teamId, proposal.id);
    throw error;
  }
  const updated = await deps.repos.meetings.getProposal(teamId, proposal.id);
  return { status: 'confirmed', proposal: updated ?? proposal };
}

/** Discards a proposal (nothing is written); false when it was already confirmed or discarded. */
export async function discardProposal(
  deps: ConfirmDeps,
  ctx: ProposalContext,
  userId: string,
): Promise<boolean> {
  return deps.repos.meetings.resolveProposal(
    ctx.deal.teamId,
    ctx.proposal.id,
    'discarded',
    userId,
    deps.clock(),
  );
}

/** Re-renders the thread message that shows this proposal, from storage, so every state is shown in place. */
export async function refreshProposalMessage(
  deps: ConfirmDeps,
  client: WebClient,
  ctx: ProposalContext,
): Promise<void> {
  const messageTs = ctx.proposal.messageTs;
  if (!messageTs) return;
  const all = await deps.repos.meetings.listProposals(ctx.deal.teamId, ctx.meeting.id);
  const inMessage = all.filter((p) => p.messageTs === messageTs);
  try {
    await client.chat.update({
      channel: ctx.meeting.channelId,
      ts: messageTs,
      ...proposalMessage(inMessage),
    });
  } catch (error) {
    deps.logger.warn(`updating recap message ${messageTs} failed`, error);
  }
}
