import type { WebClient } from '@slack/web-api';
import type { Meeting, RecapProposal } from '../../domain/recap/meeting.js';
import type { AppLogger } from '../../logger.js';
import type { Repositories } from '../../storage/ports.js';
import {
  chunkProposals,
  proposalMessage,
  recapIntroMessage,
  recapParentMessage,
} from '../views/recap-messages.js';

/**
 * Posts "Recap: <title> (<date>)" in the channel and the detail in its thread: how the text was read, the
 * draft refresh button, then the proposals split over as many messages as Block Kit's limits need.
 */
export async function postRecapThread(
  deps: { repos: Repositories; logger: AppLogger },
  client: WebClient,
  meeting: Meeting,
  proposals: RecapProposal[],
  notices: string[],
): Promise<Meeting> {
  const parent = await client.chat.postMessage({
    channel: meeting.channelId,
    ...recapParentMessage(meeting, proposals.length),
    unfurl_links: false,
  });
  const threadTs = parent.ts!;
  const updated =
    (await deps.repos.meetings.update(meeting.teamId, meeting.id, { recapTs: threadTs })) ?? meeting;
  await client.chat.postMessage({
    channel: meeting.channelId,
    thread_ts: threadTs,
    ...recapIntroMessage(notices),
  });
  const ordered = [
    ...proposals.filter((p) => p.kind === 'entry'),
    ...proposals.filter((p) => p.kind === 'decision'),
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
  return updated;
}
