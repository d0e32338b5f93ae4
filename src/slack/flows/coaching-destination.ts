import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Deal } from '../../domain/deals.js';
import type { AppLogger } from '../../logger.js';
import type { Repositories } from '../../storage/ports.js';
import { mentionChannel } from '../views/mrkdwn.js';
import { isExternallyShared } from './channel-sharing.js';
import { replyPrivately } from './private-reply.js';

/**
 * Where the app's coaching for a deal goes (listening figures, questions to ask, next steps, tensions, drafts,
 * recap proposals, decision notes, answers about the deal). The one place that decides it:
 * - the deal channel, while only our organisation can read it;
 * - once the channel is shared with another organisation (Slack Connect), the internal channel linked in
 *   `/vision setup`, or, when none is linked, the rep privately (ephemeral to the rep who just acted there,
 *   else a DM). Nothing internal is ever posted where the customer reads.
 */
export type CoachingDestination =
  | { kind: 'deal_channel'; channelId: string }
  | { kind: 'internal_channel'; channelId: string }
  | { kind: 'private'; userId: string };

export interface CoachingDeps {
  repos: Pick<Repositories, 'channelSharing' | 'coachingChannels'>;
  logger: AppLogger;
  clock: () => Date;
}

type CoachedDeal = Pick<Deal, 'teamId' | 'id' | 'channelId' | 'ownerUserId'>;

/** Where coaching for `deal` goes; `rep` is who acted (else the deal owner gets it privately). */
export async function coachingDestination(
  deps: CoachingDeps,
  client: WebClient,
  deal: CoachedDeal,
  rep?: string,
): Promise<CoachingDestination> {
  if (!(await isExternallyShared(deps, client, deal.teamId, deal.channelId))) {
    return { kind: 'deal_channel', channelId: deal.channelId };
  }
  const internal = await deps.repos.coachingChannels.get(deal.teamId, deal.id);
  // Checked again: a channel linked while internal may have been shared since.
  if (internal && !(await isExternallyShared(deps, client, deal.teamId, internal))) {
    return { kind: 'internal_channel', channelId: internal };
  }
  return { kind: 'private', userId: rep ?? deal.ownerUserId };
}

/** Whether coaching must stay out of the deal channel (it is shared with another organisation). */
export const isDiverted = (dest: CoachingDestination): boolean => dest.kind !== 'deal_channel';

/** The conversation to post a whole message (with a thread) in: a channel, or the rep's DM. */
export async function conversationFor(client: WebClient, dest: CoachingDestination): Promise<string> {
  if (dest.kind !== 'private') return dest.channelId;
  const opened = await client.conversations.open({ users: dest.userId });
  if (!opened.channel?.id) throw new Error('conversations.open returned no channel');
  return opened.channel.id;
}

/** A short, human line saying where diverted coaching went (for an ephemeral note to the rep). */
export function destinationLabel(dest: CoachingDestination): string {
  if (dest.kind === 'internal_channel') return mentionChannel(dest.channelId);
  if (dest.kind === 'private') return 'your DM with me';
  return 'this channel';
}

export interface CoachingMessage {
  text: string;
  blocks?: KnownBlock[];
}

/**
 * Posts one coaching message at its destination. `actedIn` is the deal channel (and thread) where the rep just
 * acted: a private destination then answers with an ephemeral there (a DM when Slack refuses it). Returns where
 * the message went, or null when it could only be sent as an ephemeral (no ts) or failed (logged).
 */
export async function postCoaching(
  deps: { logger: AppLogger },
  client: WebClient,
  dest: CoachingDestination,
  message: CoachingMessage,
  options: {
    actedIn?: { channelId: string; threadTs?: string | undefined };
    /** Who gets it privately if the internal channel refuses it. */
    rep?: string;
    what: string;
  },
): Promise<{ channel: string; ts: string } | null> {
  if (dest.kind === 'private' && options.actedIn) {
    await replyPrivately(
      deps,
      client,
      {
        channelId: options.actedIn.channelId,
        userId: dest.userId,
        ...(options.actedIn.threadTs ? { threadTs: options.actedIn.threadTs } : {}),
      },
      {
        text: message.text,
        blocks: message.blocks ?? [{ type: 'section', text: { type: 'mrkdwn', text: message.text } }],
      },
      options.what,
    );
    return null;
  }
  try {
    const channel = await conversationFor(client, dest);
    const threadTs = dest.kind === 'deal_channel' ? options.actedIn?.threadTs : undefined;
    const posted = await client.chat.postMessage({
      channel,
      text: message.text,
      ...(message.blocks ? { blocks: message.blocks } : {}),
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
    return posted.ts ? { channel, ts: posted.ts } : null;
  } catch (error) {
    deps.logger.warn(`${options.what}: posting at its destination failed`, error);
    if (dest.kind !== 'internal_channel' || !options.rep) return null;
    // The internal channel refused (the app was removed, it was archived): the rep still gets it, privately.
    return postCoaching(deps, client, { kind: 'private', userId: options.rep }, message, {
      what: options.what,
    });
  }
}
