import { z } from 'zod';
import type { Deal } from '../domain/deals.js';
import type { DraftVersion } from '../domain/drafts/version.js';
import type { Repositories } from '../storage/ports.js';

export type DraftAccess = { ok: true; draft: DraftVersion; deal: Deal } | { ok: false; reason: string };

const draftIdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const REFUSED =
  'That button or form does not belong to a draft of this channel’s deal, so nothing was changed.';

/**
 * Server-side check of a draft button or modal: the draft id (untrusted, from the payload) must be a draft of
 * this team, posted in this channel (the deal's, or where its coaching went), whose deal is live, and the message acted on
 * must be that draft's parent message.
 */
export async function verifyDraftAccess(
  repos: Pick<Repositories, 'drafts' | 'deals'>,
  claim: {
    teamId: string | undefined;
    channelId: string | undefined;
    messageTs: string | undefined;
    draftId: unknown;
  },
): Promise<DraftAccess> {
  const refuse = (why: string): DraftAccess => ({ ok: false, reason: why });
  const id = draftIdSchema.safeParse(claim.draftId);
  if (!id.success || !claim.teamId || !claim.channelId || !claim.messageTs)
    return refuse('malformed payload');
  const draft = await repos.drafts.getById(claim.teamId, id.data);
  if (!draft) return refuse(`draft ${id.data} is not a draft of team ${claim.teamId}`);
  const deal = await repos.deals.getById(claim.teamId, draft.dealId);
  if (!deal || deal.archived) return refuse(`deal ${draft.dealId} is gone or archived`);
  // The draft's own message is where it was posted: the deal channel, or (Slack Connect) its internal channel or
  // the rep's DM. The stored channel and ts are the app's, never the payload's.
  if (draft.channelId !== claim.channelId) {
    return refuse(`draft ${draft.id} does not belong to channel ${claim.channelId}`);
  }
  if (draft.messageTs !== claim.messageTs)
    return refuse(`message ${claim.messageTs} is not draft ${draft.id}'s`);
  return { ok: true, draft, deal };
}
