import type { KnownBlock } from '@slack/types';
import type { Meeting, RecapProposal } from '../../domain/recap/meeting.js';
import { mrkdwn } from './blocks.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, mentionUser, truncate } from './mrkdwn.js';
import { proposalMessage, type SlackMessageContent } from './recap-messages.js';

/** The thread's only trace of proposals kept private: a count and who has them, never their words. */
export function privateProposalsNotice(count: number, repId: string): SlackMessageContent {
  const items = count === 1 ? '1 more item may be internal-only' : `${count} more items may be internal-only`;
  const text = `${items}; sent to ${mentionUser(repId)} privately.`;
  return { text, blocks: [{ type: 'context', elements: [mrkdwn(text, LIMITS.contextText)] }] };
}

/** The proposals shown only to the rep, with their buttons, saying why they were kept out of the channel. */
export function privateProposalMessage(
  meeting: Pick<Meeting, 'title' | 'meetingDate'>,
  proposals: readonly RecapProposal[],
): SlackMessageContent {
  const recap = escapeMrkdwn(truncate(`${meeting.title} (${meeting.meetingDate})`, 200));
  const note =
    `Only you can see this. From the recap of ${recap}: these sound like a personal fear or a person's ` +
    'standing, so they were not posted in the channel. Confirmed, they are saved as internal-only.';
  const inner = proposalMessage(proposals);
  const blocks: KnownBlock[] = [
    { type: 'context', elements: [mrkdwn(note, LIMITS.contextText)] },
    ...inner.blocks,
  ];
  return { text: `Only you can see this: ${inner.text}`, blocks: blocks.slice(0, LIMITS.blocksPerMessage) };
}
