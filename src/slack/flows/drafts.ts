import type { WebClient } from '@slack/web-api';
import type { CrmGateway } from '../../crm/create.js';
import type { Deal } from '../../domain/deals.js';
import type { DraftVersion } from '../../domain/drafts/version.js';
import { MODEL_BUSY_MESSAGE, type ModelGate, withModelSlot } from '../../domain/model-gate.js';
import type { DraftProvider } from '../../llm/provider.js';
import type { AppLogger } from '../../logger.js';
import { draftVision } from '../../services/draft-vision.js';
import type { Repositories } from '../../storage/ports.js';
import { type DraftMessage, draftBlocks } from '../views/draft-blocks.js';
import {
  draftFailedParent,
  draftPlaceholder,
  listeningMessage,
  type SlackMessageContent,
} from '../views/draft-parent.js';
import { coachingDestination, conversationFor, destinationLabel } from './coaching-destination.js';
import { draftParentFor } from './draft-parent-content.js';
import { replyPrivately } from './private-reply.js';

export interface DraftFlowDeps {
  repos: Repositories;
  logger: AppLogger;
  clock: () => Date;
  drafting: DraftProvider;
  modelGate?: ModelGate;
  crm?: CrmGateway | undefined;
}

export interface DraftRequest {
  teamId: string;
  channelId: string;
  userId: string;
  deal: Deal;
  /** Regenerate: the parent message whose thread gets the new version (updated in place). */
  parentTs?: string;
  /** Regenerate: where that parent is (the deal channel, its internal channel or the rep's DM). */
  parentChannelId?: string;
  /** Tells the requester something privately (ephemeral). */
  notify(text: string): Promise<void>;
}

/** One draft per deal at a time; the key expires on its own if the process dies mid-draft. */
const LOCK_SECONDS = 300;
const lockKey = (dealId: number) => `draft-running:${dealId}`;

/** Posts each message of a draft in the thread, in order; returns their ts. */
export async function postThread(
  client: WebClient,
  channelId: string,
  parentTs: string,
  messages: readonly DraftMessage[],
): Promise<string[]> {
  const ts: string[] = [];
  for (const m of messages) {
    const posted = await client.chat.postMessage({
      channel: channelId,
      thread_ts: parentTs,
      text: m.text,
      blocks: m.blocks,
    });
    if (posted.ts) ts.push(posted.ts);
  }
  return ts;
}

/** Rewrites a version's thread replies in place: updates what exists, posts what is new, deletes the rest. */
export async function rewriteThread(
  client: WebClient,
  channelId: string,
  parentTs: string,
  previous: readonly string[],
  messages: readonly DraftMessage[],
): Promise<string[]> {
  const ts: string[] = [];
  for (const [i, m] of messages.entries()) {
    const existing = previous[i];
    if (existing) {
      await client.chat.update({ channel: channelId, ts: existing, text: m.text, blocks: m.blocks });
      ts.push(existing);
    } else {
      ts.push(...(await postThread(client, channelId, parentTs, [m])));
    }
  }
  for (const extra of previous.slice(messages.length)) {
    await client.chat.delete({ channel: channelId, ts: extra });
  }
  return ts;
}

export async function updateParent(
  client: WebClient,
  channelId: string,
  ts: string,
  content: SlackMessageContent,
): Promise<void> {
  await client.chat.update({ channel: channelId, ts, text: content.text, blocks: content.blocks });
}

/** The listening check, privately: ephemeral to the requester, or a DM when that is not possible. */
export async function sendListeningCheck(
  deps: Pick<DraftFlowDeps, 'logger'>,
  client: WebClient,
  channelId: string,
  userId: string,
  version: DraftVersion,
): Promise<void> {
  const message = listeningMessage(version.version, version.content.listeningCheck);
  await replyPrivately(deps, client, { channelId, userId }, message, 'listening check');
}

/**
 * `/vision draft` and Regenerate: a short placeholder at once (a new top-level message, or the parent being
 * regenerated), then the draft (LLM or offline; the provider never fails for an LLM problem), stored as the
 * next version, the parent updated in place to the summary, the full draft in its thread, and the listening
 * check privately to the requester.
 */
export async function runDraft(
  deps: DraftFlowDeps,
  client: WebClient,
  req: DraftRequest,
): Promise<DraftVersion | null> {
  const run = await withModelSlot(deps.modelGate, req.teamId, req.userId, () =>
    draftAndPost(deps, client, req),
  );
  if (run.busy) {
    await req.notify(MODEL_BUSY_MESSAGE);
    return null;
  }
  const posted = run.value;
  // After the per-deal lock is released: the private coaching is the last thing the requester sees.
  if (posted) await sendListeningCheck(deps, client, req.channelId, req.userId, posted);
  return posted;
}

async function draftAndPost(
  deps: DraftFlowDeps,
  client: WebClient,
  req: DraftRequest,
): Promise<DraftVersion | null> {
  const { teamId, deal } = req;
  const key = lockKey(deal.id);
  if (!(await deps.repos.idempotency.claim(teamId, key, deps.clock(), LOCK_SECONDS))) {
    await req.notify(
      'A draft for this deal is already being written; it will appear in the channel shortly.',
    );
    return null;
  }
  try {
    let parentTs = req.parentTs;
    let channelId = req.parentChannelId ?? req.channelId;
    if (!parentTs) {
      // The draft is our working copy (questions to ask, our perspective, unverified points): never where the
      // customer reads. In a shared channel it goes to the internal channel, else to the rep's DM.
      const dest = await coachingDestination(deps, client, deal, req.userId);
      if (dest.kind !== 'deal_channel') {
        try {
          channelId = await conversationFor(client, dest);
        } catch (error) {
          deps.logger.warn('draft: could not open the private destination', error);
          await req.notify('I could not reach you privately to post the draft. Please try again.');
          return null;
        }
        await req.notify(
          `This channel is shared with another organisation, so the draft goes to ${destinationLabel(dest)}. ` +
            'Use *Share with customer* on it to post what the customer may read here, after a preview.',
        );
      }
    }
    if (parentTs) {
      await updateParent(client, channelId, parentTs, draftPlaceholder(deal, true));
    } else {
      try {
        const posted = await client.chat.postMessage({ channel: channelId, ...draftPlaceholder(deal) });
        parentTs = posted.ts;
      } catch (error) {
        deps.logger.warn('draft: could not post the placeholder', error);
      }
      if (!parentTs) {
        await req.notify(
          'I could not post in this channel. Invite me first (`/invite @Vision`), then run `/vision draft` again.',
        );
        return null;
      }
    }

    let drafted: Awaited<ReturnType<typeof draftVision>>;
    try {
      drafted = await draftVision(
        {
          drafts: deps.repos.drafts,
          drafter: deps.drafting,
          listEntries: (t, d) => deps.repos.entries.listByDeal(t, d),
          listStakeholders: (t, d) => deps.repos.stakeholders.listByDeal(t, d),
        },
        deal,
        req.userId,
      );
    } catch (error) {
      deps.logger.error('draft: drafting or storing failed', error);
      await updateParent(client, channelId, parentTs, draftFailedParent());
      await req.notify(
        'Sorry, the draft could not be written on our side. Nothing was lost; please try again.',
      );
      return null;
    }

    const { version, result } = drafted;
    const messages = draftBlocks({ version: version.version, draft: result, audience: 'channel' });
    const replyTs = await postThread(client, channelId, parentTs, messages);
    const posted =
      (await deps.repos.drafts.setMessage(teamId, version.id, {
        channelId,
        messageTs: parentTs,
        threadTs: parentTs,
        replyTs,
      })) ?? version;
    await updateParent(client, channelId, parentTs, await draftParentFor(deps, posted));
    return posted;
  } finally {
    await deps.repos.idempotency.release(teamId, key);
  }
}
