import type { KnownBlock } from '@slack/types';
import { ENTRY_KIND_LABELS, type Entry, isCustomerKind } from '../../domain/entries.js';
import { mrkdwn } from './blocks.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, quoteMrkdwn, truncate } from './mrkdwn.js';

/** The quiet (ephemeral) "saved" note the user sees in the deal channel after logging or editing an entry. */
export function entrySavedMessage(args: {
  entry: Entry;
  accountName: string;
  stakeholderName: string | null;
  edited: boolean;
}): { text: string; blocks: KnownBlock[] } {
  const { entry } = args;
  const kind = ENTRY_KIND_LABELS[entry.kind].one;
  const verb = args.edited ? 'Updated' : 'Logged';
  const headline = `${verb} ${kind.toLowerCase()} for *${escapeMrkdwn(args.accountName)}*: ${escapeMrkdwn(entry.statement)}`;
  const lines = [headline];
  if (entry.internalOnly)
    lines.push(':lock: Internal only: never shown to the customer or posted in the channel.');
  if (entry.quote) {
    lines.push(quoteMrkdwn(truncate(entry.quote, 2_000)));
    if (args.stakeholderName) lines.push(`— ${escapeMrkdwn(args.stakeholderName)}`);
  } else if (isCustomerKind(entry.kind)) {
    lines.push('_Our words so far. Their exact words make it stronger: edit it from `/vision list`._');
  }
  const text = truncate(lines.join('\n'), LIMITS.sectionText);
  return {
    text: `${verb} ${kind.toLowerCase()}: ${escapeMrkdwn(truncate(entry.statement, 200))}`,
    blocks: [{ type: 'section', text: mrkdwn(text) }],
  };
}
