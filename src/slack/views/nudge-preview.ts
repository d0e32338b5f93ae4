import type { KnownBlock } from '@slack/types';
import { mrkdwn } from './blocks.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, truncate } from './mrkdwn.js';
import type { NudgeMessage } from './nudge-blocks.js';
import { slackDate } from './slack-date.js';

export interface NudgePreviewInput {
  accountName: string;
  /** When the deal owner gets it: their next slot, or this week's when it is due and not sent yet. */
  scheduledFor: Date;
  /** The slot has passed and the run has not gone out: the next scheduler tick (within 5 minutes) sends it. */
  dueNow: boolean;
  /** The deal owner's zone (the workspace's when Slack has none): the fallback text's clock. */
  timeZone: string;
  /** The channel message that run would post here (built without buttons), or null when nothing is stalled. */
  message: NudgeMessage | null;
}

/** e.g. "Mon 14 Dec 2026, 09:00 (Europe/Berlin)": the wall clock of one zone (a fallback text). */
export function formatRunTime(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')} (${timeZone})`;
}

function whenLine(input: NudgePreviewInput): string {
  // Each reader sees the time on their own clock; the fallback names the deal owner's zone.
  const at = slackDate(
    input.scheduledFor,
    '{date_long_pretty} at {time}',
    formatRunTime(input.scheduledFor, input.timeZone),
  );
  return input.dueNow
    ? `This week's run (${at}) has not gone out yet: it goes out within 5 minutes.`
    : `Next weekly run: ${at}.`;
}

/**
 * Ephemeral `/vision nudges preview`: exactly the channel message of this deal's next weekly nudge (without its
 * buttons: only the real message can act on decisions), framed as a preview with the run time.
 */
export function nudgePreviewMessage(input: NudgePreviewInput): { text: string; blocks: KnownBlock[] } {
  const account = escapeMrkdwn(truncate(input.accountName, 200));
  const when = whenLine(input);
  if (!input.message) {
    const text = `Nothing is stalled right now at ${account}: the next weekly nudge would post nothing here. ${when}`;
    return { text, blocks: [{ type: 'section', text: mrkdwn(`:white_check_mark: ${text}`) }] };
  }
  const intro = `*Preview of the next weekly nudge for ${account}* (only you can see this; nothing was posted). ${when}`;
  return {
    text: `Preview: ${input.message.text}`,
    blocks: [
      { type: 'context', elements: [mrkdwn(`:eyes: ${intro}`, LIMITS.contextText)] },
      { type: 'divider' },
      ...input.message.blocks,
      {
        type: 'context',
        elements: [
          mrkdwn('The real message carries Mark decided, Snooze 1 week, Set new date and Dropped buttons.'),
        ],
      },
    ],
  };
}
