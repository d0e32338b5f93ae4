import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Deal } from '../../domain/deals.js';
import { askParentText } from '../views/ask-blocks.js';
import { type CoachingDeps, coachingDestination, postCoaching } from './coaching-destination.js';
import { replyPrivately } from './private-reply.js';

export interface AskAnswer {
  question: string;
  askedBy: string;
  answer: { text: string; blocks: KnownBlock[] };
}

/**
 * An answer about the deal (its entries, tensions, what to ask next) goes where the deal's coaching goes. In a
 * channel shared with the customer: the internal channel (question as the parent, answer in its thread), or
 * the asker alone (ephemeral where they asked, else a DM). Returns false when the answer stays in the deal
 * channel: the caller posts it there as before.
 */
export async function deliverAnswerElsewhere(
  deps: CoachingDeps,
  client: WebClient,
  deal: Pick<Deal, 'teamId' | 'id' | 'channelId' | 'ownerUserId'>,
  ask: AskAnswer,
  threadTs?: string,
): Promise<boolean> {
  const dest = await coachingDestination(deps, client, deal, ask.askedBy);
  if (dest.kind === 'deal_channel') return false;
  if (dest.kind === 'private') {
    await replyPrivately(
      deps,
      client,
      { channelId: deal.channelId, userId: ask.askedBy, ...(threadTs ? { threadTs } : {}) },
      ask.answer,
      'answer about the deal',
    );
    return true;
  }
  const parent = await postCoaching(
    deps,
    client,
    dest,
    { text: askParentText(ask.question, ask.askedBy) },
    { rep: ask.askedBy, what: 'question about the deal' },
  );
  if (parent) {
    await client.chat
      .postMessage({ channel: parent.channel, thread_ts: parent.ts, ...ask.answer })
      .catch((error: unknown) =>
        deps.logger.warn('posting the answer in the internal channel failed', error),
      );
  }
  return true;
}
