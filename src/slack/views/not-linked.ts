import type { KnownBlock } from '@slack/types';
import { ACTION_IDS } from './ids.js';

/** Shown (ephemerally) when a deal command is used in a channel that is not linked to a deal yet. */
export function notLinkedMessage(): { text: string; blocks: KnownBlock[] } {
  const text =
    'This channel is not linked to a deal yet. Set it up first, then log what the customer tells you here.';
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: ACTION_IDS.setupDeal,
            style: 'primary',
            text: { type: 'plain_text', text: 'Set up this deal' },
            value: 'setup',
          },
        ],
      },
    ],
  };
}
