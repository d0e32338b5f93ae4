import type { Meeting } from '../../domain/recap/meeting.js';
import { mrkdwn, plain } from './blocks.js';
import { RECAP_IDS as R } from './ids.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, truncate } from './mrkdwn.js';
import type { SlackMessageContent } from './recap-messages.js';

/** Posted in the deal channel when a scheduled meeting ends. */
export function meetingPromptMessage(meeting: Meeting): SlackMessageContent {
  const question = `How did ${truncate(meeting.title, 150)} go? What did they tell you?`;
  return {
    text: escapeMrkdwn(question),
    blocks: [
      { type: 'section', text: mrkdwn(`*${escapeMrkdwn(question)}*`) },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: R.openFromPrompt,
            style: 'primary',
            text: plain('Write the recap', LIMITS.buttonText),
            value: String(meeting.id),
          },
        ],
      },
      {
        type: 'context',
        elements: [mrkdwn('Replies in this thread count as notes for the recap.', LIMITS.contextText)],
      },
    ],
  };
}

/** The ephemeral answer to `/vision meeting`; `where` is mrkdwn (a channel mention, "in your DM with me"). */
export function meetingScheduledText(meeting: Meeting, endsLocal: string, where = 'here'): string {
  return `Scheduled *${escapeMrkdwn(meeting.title)}*. When it ends (${endsLocal}) I will ask ${where} how it went, with a button to write the recap.`;
}
