import type { DealInput } from '../domain/deal-input.js';
import type { Deal } from '../domain/deals.js';
import type { Repositories } from '../storage/ports.js';
import { once } from './once.js';

export type SaveDealResult =
  | { status: 'created' | 'updated'; deal: Deal; previous: Deal | null }
  | { status: 'duplicate' };

/**
 * Links a channel to a deal (or edits the link) exactly once per idempotency key (the modal's view id).
 * A failed write releases the key so Slack's retry can save it.
 */
export async function saveDealSetup(
  repos: Repositories,
  args: { teamId: string; channelId: string; input: DealInput; idempotencyKey: string },
): Promise<SaveDealResult> {
  const { teamId, channelId, input } = args;
  const result = await once(repos.idempotency, teamId, args.idempotencyKey, async () => {
    const previous = await repos.deals.getByChannel(teamId, channelId);
    const deal = await repos.deals.upsertByChannel({
      teamId,
      channelId,
      accountName: input.accountName,
      dealName: input.dealName,
      stage: input.stage,
      ownerUserId: input.ownerUserId,
      crmUrl: input.crmUrl,
    });
    const wasLinked = previous !== null && !previous.archived;
    return {
      status: wasLinked ? ('updated' as const) : ('created' as const),
      deal,
      previous: wasLinked ? previous : null,
    };
  });
  return result.status === 'duplicate' ? result : result.value;
}

/** The deal with this id, only when it belongs to the team and is not archived. */
export async function ownDeal(repos: Repositories, teamId: string, dealId: number): Promise<Deal | null> {
  const deal = await repos.deals.getById(teamId, dealId);
  return deal && deal.teamId === teamId && !deal.archived ? deal : null;
}
