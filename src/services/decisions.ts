import type { Deal } from '../domain/deals.js';
import { type DecisionInput, keepOwnEntryIds } from '../domain/decision-input.js';
import type { Decision } from '../domain/decisions.js';
import type { Repositories } from '../storage/ports.js';
import { resolveStakeholderId } from './capture.js';
import { once } from './once.js';

export interface DecisionContext {
  repos: Repositories;
  teamId: string;
  deal: Deal;
  userId: string;
}

async function ownedFields(ctx: DecisionContext, input: DecisionInput) {
  const capture = { repos: ctx.repos, teamId: ctx.teamId, dealId: ctx.deal.id, userId: ctx.userId };
  const [customerOwnerId, entries] = await Promise.all([
    resolveStakeholderId(capture, {
      stakeholderId: input.customerOwnerId,
      stakeholderName: input.customerOwnerName,
      stakeholderTitle: null,
      stakeholderRole: null,
    }),
    ctx.repos.entries.listByDeal(ctx.teamId, ctx.deal.id),
  ]);
  return {
    title: input.title,
    customerOwnerId,
    ourOwnerUserId: input.ourOwnerUserId,
    dueDate: input.dueDate,
    relatedEntryIds: keepOwnEntryIds(
      input.relatedEntryIds,
      entries.map((e) => e.id),
    ),
  };
}

export type CreateDecisionResult = { status: 'created'; decision: Decision } | { status: 'duplicate' };

/** Saves a decision once per idempotency key (the modal's view id); forged stakeholder or entry ids are dropped. */
export async function createDecision(
  ctx: DecisionContext,
  input: DecisionInput,
  idempotencyKey: string,
): Promise<CreateDecisionResult> {
  const result = await once(ctx.repos.idempotency, ctx.teamId, idempotencyKey, async () => {
    const fields = await ownedFields(ctx, input);
    return ctx.repos.decisions.create({
      teamId: ctx.teamId,
      dealId: ctx.deal.id,
      createdBy: ctx.userId,
      ...fields,
    });
  });
  return result.status === 'duplicate' ? result : { status: 'created', decision: result.value };
}

/** Edits a decision of this deal; null when it is not this team's and deal's. */
export async function editDecision(
  ctx: DecisionContext,
  decisionId: number,
  input: DecisionInput,
): Promise<Decision | null> {
  const existing = await ctx.repos.decisions.getById(ctx.teamId, decisionId);
  if (!existing || existing.dealId !== ctx.deal.id) return null;
  return ctx.repos.decisions.update(ctx.teamId, decisionId, await ownedFields(ctx, input));
}

/**
 * The decision and its deal, only when the decision belongs to the deal linked to this channel in this team.
 * Every action value and private_metadata goes through here, so a forged id from another team, deal or
 * channel finds nothing.
 */
export async function decisionInChannel(
  repos: Repositories,
  teamId: string,
  channelId: string,
  decisionId: number,
): Promise<{ deal: Deal; decision: Decision } | null> {
  const [deal, decision] = await Promise.all([
    repos.deals.getByChannel(teamId, channelId),
    repos.decisions.getById(teamId, decisionId),
  ]);
  if (!deal || deal.archived || !decision) return null;
  if (deal.teamId !== teamId || decision.teamId !== teamId || decision.dealId !== deal.id) return null;
  return { deal, decision };
}

/** Open -> decided with the outcome. Returns null when the decision is no longer open (already handled). */
export async function markDecided(
  repos: Repositories,
  decision: Decision,
  outcome: string,
): Promise<Decision | null> {
  if (decision.status !== 'open') return null;
  return repos.decisions.update(decision.teamId, decision.id, { status: 'decided', outcome });
}

export async function markDropped(repos: Repositories, decision: Decision): Promise<Decision | null> {
  if (decision.status !== 'open') return null;
  return repos.decisions.update(decision.teamId, decision.id, { status: 'dropped' });
}
