import type { KnownBlock, ModalView } from '@slack/types';
import type { PlaybackStyle } from '../../domain/drafts/render-markdown.js';
import { mrkdwn, plain } from './blocks.js';
import { DRAFT_VIEWS } from './ids.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, mentionChannel, truncate } from './mrkdwn.js';

/** The customer's copy in Slack mrkdwn: user and model text inert, on one line each. */
export const SLACK_PLAYBACK_STYLE: PlaybackStyle = {
  escape: (text) =>
    escapeMrkdwn(text)
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .join(' '),
  title: (text) => `*${text}*`,
  heading: (text) => ['', `*${text}*`],
  italic: (text) => `_${text}_`,
  bullet: '•',
};

/** Blocks a modal can hold besides the preview's own header lines. */
const PREVIEW_MAX_BLOCKS = LIMITS.blocksPerMessage;

/** The lines as section blocks: one per paragraph (blank-line separated), each under the section limit. */
export function customerPlaybackBlocks(lines: readonly string[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let chunk: string[] = [];
  const flush = () => {
    const text = chunk.join('\n').trim();
    if (text) blocks.push({ type: 'section', text: mrkdwn(truncate(text, LIMITS.sectionText)) });
    chunk = [];
  };
  for (const line of lines) {
    if (line === '' || chunk.join('\n').length + line.length + 1 > LIMITS.sectionText) flush();
    if (line !== '') chunk.push(line);
  }
  flush();
  return blocks.slice(0, PREVIEW_MAX_BLOCKS);
}

/** The message the customer gets: the blocks, and their title as the notification text. */
export function customerPlaybackMessage(blocks: KnownBlock[], accountName: string) {
  return {
    text: truncate(`Here's what we heard: ${escapeMrkdwn(accountName)}`, LIMITS.sectionText),
    blocks,
  };
}

export interface SharePreviewMetadata {
  draftId: number;
  /** Where the draft's parent is (for the access check). */
  channelId: string;
  messageTs: string;
  /** Fingerprint of the blocks shown: what is posted must be exactly this. */
  fingerprint: string;
}

/**
 * "Share with customer": the exact blocks the customer will see in the deal channel, between two notes that are
 * not part of it; Share posts them, Cancel posts nothing.
 */
export function sharePreviewModal(args: {
  dealChannelId: string;
  blocks: KnownBlock[];
  meta: SharePreviewMetadata;
  notice?: string;
}): ModalView {
  const intro = `The customer will see exactly this in ${mentionChannel(args.dealChannelId)}: no listening check, no questions to ask, no internal entries.`;
  return {
    type: 'modal',
    callback_id: DRAFT_VIEWS.share,
    private_metadata: JSON.stringify(args.meta),
    title: plain('Share with customer', LIMITS.modalTitle),
    submit: plain('Share', LIMITS.modalSubmit),
    close: plain('Cancel', LIMITS.modalClose),
    blocks: [
      ...(args.notice
        ? [{ type: 'section' as const, text: mrkdwn(`:warning: ${escapeMrkdwn(args.notice)}`) }]
        : []),
      { type: 'context', elements: [mrkdwn(intro, LIMITS.contextText)] },
      { type: 'divider' },
      ...args.blocks,
      { type: 'divider' },
    ],
  };
}
