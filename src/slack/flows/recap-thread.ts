import type { WebClient } from '@slack/web-api';
import { isInternalOnlyProposal } from '../../domain/privacy/recap-proposals.js';
import type { Meeting, RecapProposal } from '../../domain/recap/meeting.js';
import type { AppLogger } from '../../logger.js';
import type { Repositories } from '../../storage/ports.js';
import {
  chunkProposals,
  proposalMessage,
  recapIntroMessage,
  recapParentMessage,
} from '../views/recap-messages.js';
import { privateProposalMessage, privateProposalsNotice } from '../views/recap-private-messages.js';
import {
  type CoachingDeps,
  coachingDestination,
  conversationFor,
  destinationLabel,
} from './coaching-destination.js';
import { replyPrivately } from './private-reply.js';

/**
 * Posts "Recap: <title> (<date>)" in the channel and the detail in its thread: how the text was read, the
 * draft refresh button, then the proposals split over as many messages as Block Kit's limits need. A proposal that
 * would be internal-only is never posted there: the thread says only how many went to the rep, who gets them privately.
 * In a channel shared with the customer the whole recap (proposals to confirm, coaching notices) goes where
 * coachingDestination says; the meeting then records that conversation, so its buttons work there.
 */
export async function postRecapThread(
  deps: CoachingDeps & { repos: Repositories; logger: AppLogger },
  client: WebClient,
  recapped: Meeting,
  proposals: RecapProposal[],
  notices: string[],
  ownerUserId: string,
  /** A retry after the failed run posted its parent: that message is updated and its thread continued. */
  earlierParent: { ts: string; channelId: string } | null = null,
): Promise<Meeting> {
  const dest = await coachingDestination(
    deps,
    client,
    { teamId: recapped.teamId, id: recapped.dealId, channelId: recapped.channelId, ownerUserId },
    recapped.createdBy,
  );
  const meeting = { ...recapped, channelId: await conversationFor(client, dest) };
  if (dest.kind !== 'deal_channel') {
    const text = `This channel is shared with another organisation, so the recap and its proposals are in ${destinationLabel(dest)}.`;
    await replyPrivately(
      deps,
      client,
      { channelId: recapped.channelId, userId: recapped.createdBy },
      { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] },
      'recap destination note',
    );
  }
  const kept = proposals.filter(isInternalOnlyProposal);
  const shared = proposals.filter((p) => !isInternalOnlyProposal(p));
  const parentMessage = recapParentMessage(meeting, shared.length, kept.length);
  const threadTs =
    (earlierParent?.channelId === meeting.channelId &&
      (await updateParent(deps, client, earlierParent, parentMessage))) ||
    (await client.chat.postMessage({ channel: meeting.channelId, ...parentMessage, unfurl_links: false }))
      .ts!;
  const updated =
    (await deps.repos.meetings.update(meeting.teamId, meeting.id, {
      recapTs: threadTs,
      channelId: meeting.channelId,
    })) ?? meeting;
  await client.chat.postMessage({
    channel: meeting.channelId,
    thread_ts: threadTs,
    ...recapIntroMessage(notices, meeting.dealId),
  });
  const ordered = [
    ...shared.filter((p) => p.kind === 'entry'),
    ...shared.filter((p) => p.kind === 'decision'),
  ];
  for (const chunk of chunkProposals(ordered)) {
    const posted = await client.chat.postMessage({
      channel: meeting.channelId,
      thread_ts: threadTs,
      ...proposalMessage(chunk),
    });
    if (posted.ts) {
      await deps.repos.meetings.setProposalMessage(
        meeting.teamId,
        chunk.map((p) => p.id),
        posted.ts,
      );
    }
  }
  if (kept.length > 0) {
    await client.chat.postMessage({
      channel: meeting.channelId,
      thread_ts: threadTs,
      ...privateProposalsNotice(kept.length, meeting.createdBy),
    });
    // No message ts is stored: the private copy is updated through the click's response_url, never in the channel.
    for (const chunk of chunkProposals(kept)) {
      await replyPrivately(
        deps,
        client,
        { channelId: meeting.channelId, userId: meeting.createdBy, threadTs },
        privateProposalMessage(meeting, chunk),
        'internal-only recap proposals',
      );
    }
  }
  return updated;
}

/** The earlier run's parent, updated in place; null when it is gone (deleted by someone), so a new one is posted. */
async function updateParent(
  deps: { logger: AppLogger },
  client: WebClient,
  parent: { ts: string; channelId: string },
  message: ReturnType<typeof recapParentMessage>,
): Promise<string | null> {
  try {
    await client.chat.update({ channel: parent.channelId, ts: parent.ts, ...message });
    return parent.ts;
  } catch (error) {
    deps.logger.warn('recap retry: the earlier recap message could not be updated, posting a new one', error);
    return null;
  }
}
