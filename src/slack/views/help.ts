import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, truncate } from './mrkdwn.js';

export type HelpGroup =
  | 'Set up'
  | 'Capture'
  | 'Review'
  | 'Shared vision'
  | 'Meetings'
  | 'Decisions'
  | 'Settings';

/** What the help lists about one subcommand. */
export interface HelpEntry {
  name: string;
  aliases?: string[];
  /** e.g. "driver [text]" */
  usage: string;
  summary: string;
  group: HelpGroup;
}

const GROUP_ORDER: HelpGroup[] = [
  'Set up',
  'Capture',
  'Review',
  'Shared vision',
  'Meetings',
  'Decisions',
  'Settings',
];

export interface BlockMessage {
  text: string;
  blocks: KnownBlock[];
}

function commandList(subcommands: readonly HelpEntry[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (const group of GROUP_ORDER) {
    const inGroup = subcommands.filter((s) => s.group === group);
    if (inGroup.length === 0) continue;
    const lines = inGroup.map((s) => `\`/vision ${escapeMrkdwn(s.usage)}\`  ${escapeMrkdwn(s.summary)}`);
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*${group}*\n${lines.join('\n')}` } });
  }
  return blocks;
}

export function helpBlocks(subcommands: readonly HelpEntry[]): BlockMessage {
  return {
    text: 'shared-vision commands',
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '*shared-vision* helps you build a vision *with* your customer, in their words. Listen first, then prescribe.',
        },
      },
      ...commandList(subcommands),
    ],
  };
}

export function unknownSubcommandBlocks(
  typed: string,
  suggestion: string | null,
  subcommands: readonly HelpEntry[],
): BlockMessage {
  const hint = suggestion ? ` Did you mean \`/vision ${suggestion}\`?` : '';
  const text = `I don't know \`/vision ${escapeMrkdwn(truncate(typed, 200))}\`.${hint}`;
  return {
    text,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }, ...commandList(subcommands)],
  };
}
