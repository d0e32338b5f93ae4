import { mrkdwn } from './blocks.js';
import { RECAP_IDS } from './ids.js';
import { escapeMrkdwn, mentionChannel, truncate } from './mrkdwn.js';
import type { SlackMessageContent } from './recap-messages.js';

export interface RecapFailure {
  submissionId: number;
  title: string;
  channelId: string;
  /** What failed, e.g. "saving the meeting (our database did not answer)". */
  what: string;
  /** Characters of notes, transcript and "proposed by us" kept with the submission. */
  savedChars: number;
  /** The transcript is a Slack file (kept in Slack, read again on retry). */
  fromFile: boolean;
}

/** A recap's title as the rep typed it, quoted and escaped. */
export const quotedRecapTitle = (t: string) => `“${escapeMrkdwn(truncate(t, 150))}”`;

function keptText(f: RecapFailure): string {
  const chars = `${f.savedChars.toLocaleString('en-US')} characters`;
  return f.fromFile
    ? `What you typed (${chars}) is saved, and the transcript file stays in Slack.`
    : `Your notes and transcript (${chars}) are saved: nothing you typed was lost.`;
}

/**
 * Sent privately to the rep when a recap fails after its modal closed: says what failed, that the text is saved,
 * and offers to run the recap again from the saved text.
 */
export function recapFailedMessage(f: RecapFailure): SlackMessageContent {
  const what = escapeMrkdwn(truncate(f.what, 300));
  const head = `Your recap ${quotedRecapTitle(f.title)} for ${mentionChannel(f.channelId)} could not be finished: ${what} failed.`;
  return {
    text: `${head} ${keptText(f)} Press "Try again" to run it again.`,
    blocks: [
      { type: 'section', text: mrkdwn(`${head}\n${keptText(f)}`) },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: RECAP_IDS.retrySubmission,
            text: { type: 'plain_text', text: 'Try again' },
            style: 'primary',
            value: String(f.submissionId),
          },
        ],
      },
    ],
  };
}

/** Replaces the failure message once the retry has posted the recap (no button: it cannot run twice). */
export function recapRetriedMessage(recapTitle: string, channelId: string): SlackMessageContent {
  const text = `Your recap ${quotedRecapTitle(recapTitle)} is posted in ${mentionChannel(channelId)}.`;
  return { text, blocks: [{ type: 'section', text: mrkdwn(text) }] };
}

/** A retry that could not start: the reason, and (true here) that the saved text is still there. */
export function recapRetryRefusedMessage(reason: string): SlackMessageContent {
  const text = escapeMrkdwn(reason);
  return { text, blocks: [{ type: 'section', text: mrkdwn(text) }] };
}
