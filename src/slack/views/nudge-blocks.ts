import type { ActionsBlock, KnownBlock, SectionBlock } from '@slack/types';
import { ENTRY_KIND_LABELS } from '../../domain/entries.js';
import type { ChannelNudge, DigestItem, NudgeItem, OwnerDigest } from '../../domain/nudges/index.js';
import { clip, shortDate } from '../../domain/nudges/index.js';
import type { ItemResolution } from '../../domain/nudges/resolution.js';
import { mrkdwn, plain } from './blocks.js';
import { NUDGE_IDS } from './ids.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, mentionChannel, mentionUser } from './mrkdwn.js';
import { slackDate } from './slack-date.js';

/** Items shown per message: 2 blocks each plus header and footer stays far below the 50-block limit. */
export const MAX_CHANNEL_ITEMS = 10;
export const MAX_DIGEST_ITEMS = 15;
export const NUDGE_EVENT_TYPE = 'vision_nudge';

export interface NudgeMessage {
  text: string;
  blocks: KnownBlock[];
  metadata: {
    event_type: string;
    event_payload: { send_key: string; run_key: string; decision_ids: string };
  };
}

/** Customer words for related entries: entry id -> verbatim quote, when one was logged. */
export type QuoteLookup = ReadonlyMap<number, string>;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function relatedLine(item: NudgeItem, quotes: QuoteLookup): string | null {
  const parts = item.related
    .filter((entry) => entry.kind !== 'proposal')
    .slice(0, 3)
    .map((entry) => {
      const words = quotes.get(entry.id);
      const shown = words ? `"${clip(words, 80)}"` : clip(entry.statement, 80);
      return `${ENTRY_KIND_LABELS[entry.kind].one} ${escapeMrkdwn(shown)}`;
    });
  return parts.length > 0 ? `Relates to: ${parts.join(' · ')}` : null;
}

/** The mrkdwn of one stalled decision: what, who, how long, what it relates to, next step. */
export function itemText(item: NudgeItem, quotes: QuoteLookup): string {
  const owners = [
    `Customer owner: ${item.customerOwner ? escapeMrkdwn(item.customerOwner.name) : '_not set_'}`,
    `Our owner: ${item.ourOwnerUserId ? mentionUser(item.ourOwnerUserId) : '_not set_'}`,
  ];
  const due = item.dueDate && item.reason !== 'overdue' ? ` (due ${shortDate(item.dueDate)})` : '';
  const lines = [
    `*${escapeMrkdwn(clip(item.title, 200))}*  ·  _${item.label}${due}_`,
    owners.join('  ·  '),
    relatedLine(item, quotes),
    `*Next step:* ${escapeMrkdwn(item.nextStep.text)}`,
  ];
  return lines.filter((line): line is string => line !== null).join('\n');
}

function itemActions(decisionId: number): ActionsBlock {
  const value = String(decisionId);
  return {
    type: 'actions',
    block_id: `${NUDGE_IDS.actionsBlock}${decisionId}`,
    elements: [
      {
        type: 'button',
        action_id: NUDGE_IDS.markDecided,
        text: plain('Mark decided', LIMITS.buttonText),
        style: 'primary',
        value,
      },
      { type: 'button', action_id: NUDGE_IDS.snooze, text: plain('Snooze 1 week', LIMITS.buttonText), value },
      { type: 'button', action_id: NUDGE_IDS.newDate, text: plain('Set new date', LIMITS.buttonText), value },
      {
        type: 'button',
        action_id: NUDGE_IDS.dropped,
        text: plain('Dropped', LIMITS.buttonText),
        value,
        confirm: {
          title: plain('Drop this decision?', LIMITS.modalTitle),
          text: plain('It will no longer be nudged. The customer no longer plans to decide this.'),
          confirm: plain('Dropped', LIMITS.modalSubmit),
          deny: plain('Cancel', LIMITS.modalClose),
        },
      },
    ],
  };
}

function itemSection(decisionId: number, text: string): SectionBlock {
  return { type: 'section', block_id: `${NUDGE_IDS.itemBlock}${decisionId}`, text: mrkdwn(text) };
}

function moreLine(hidden: number): KnownBlock[] {
  return hidden > 0
    ? [{ type: 'context', elements: [mrkdwn(`…and ${hidden} more: \`/vision stalled\``)] }]
    : [];
}

export interface ChannelNudgeOptions {
  /** false renders no buttons (previews: an ephemeral must not act on decisions). Default true. */
  interactive?: boolean;
}

/** One short message per deal channel: a header line, then each stalled decision with its four buttons. */
export function channelNudgeMessage(
  nudge: ChannelNudge,
  keys: { sendKey: string; runKey: string },
  quotes: QuoteLookup,
  options: ChannelNudgeOptions = {},
): NudgeMessage {
  const interactive = options.interactive ?? true;
  const shown = nudge.items.slice(0, MAX_CHANNEL_ITEMS);
  const count = plural(nudge.items.length, 'customer decision');
  const text = `${count} stalled at ${escapeMrkdwn(nudge.accountName)}`;
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: mrkdwn(`:hourglass_flowing_sand: *${text}.* Before pushing, ask what changed on their side.`),
    },
  ];
  for (const item of shown) {
    blocks.push(itemSection(item.decisionId, itemText(item, quotes)));
    if (interactive) blocks.push(itemActions(item.decisionId));
  }
  blocks.push(...moreLine(nudge.items.length - shown.length));
  blocks.push({
    type: 'context',
    elements: [
      mrkdwn('Weekly nudge · `/vision stalled` lists them all · `/vision nudges off` mutes this deal'),
    ],
  });
  return {
    text,
    blocks,
    metadata: {
      event_type: NUDGE_EVENT_TYPE,
      event_payload: {
        send_key: keys.sendKey,
        run_key: keys.runKey,
        decision_ids: nudge.items.map((item) => item.decisionId).join(','),
      },
    },
  };
}

function digestItemText(item: DigestItem): string {
  return [
    `*${escapeMrkdwn(clip(item.title, 200))}* · ${escapeMrkdwn(item.accountName)} in ${mentionChannel(item.channelId)} · _${item.label}_`,
    `*Next step:* ${escapeMrkdwn(item.nextStep.text)}`,
  ].join('\n');
}

/** The owner's weekly DM: their stalled decisions across deals, linking each deal channel. */
export function digestMessage(digest: OwnerDigest, keys: { runKey: string }): NudgeMessage {
  const shown = digest.items.slice(0, MAX_DIGEST_ITEMS);
  const text = `You own ${plural(digest.items.length, 'stalled customer decision')}`;
  const blocks: KnownBlock[] = [
    { type: 'section', text: mrkdwn(`:wave: *${text}.* Each one starts with a question, not a pitch.`) },
    ...shown.map((item) => ({ type: 'section' as const, text: mrkdwn(digestItemText(item)) })),
    ...moreLine(digest.items.length - shown.length),
    {
      type: 'context',
      elements: [mrkdwn('Use the buttons on the nudge in each deal channel to update them.')],
    },
  ];
  return {
    text,
    blocks,
    metadata: {
      event_type: NUDGE_EVENT_TYPE,
      event_payload: {
        send_key: digest.sendKey,
        run_key: keys.runKey,
        decision_ids: digest.items.map((item) => item.decisionId).join(','),
      },
    },
  };
}

/** Ephemeral `/vision stalled` answer (no buttons: ephemeral messages cannot be updated for everyone). */
export function stalledListMessage(
  items: readonly DigestItem[],
  scope: string,
): { text: string; blocks: KnownBlock[] } {
  if (items.length === 0) {
    const text = `No stalled customer decisions ${scope}. :tada:`;
    return { text, blocks: [{ type: 'section', text: mrkdwn(text) }] };
  }
  const shown = items.slice(0, MAX_DIGEST_ITEMS);
  const text = `${plural(items.length, 'stalled customer decision')} ${scope}`;
  return {
    text,
    blocks: [
      { type: 'section', text: mrkdwn(`*${escapeMrkdwn(text)}*`) },
      ...shown.map((item) => ({ type: 'section' as const, text: mrkdwn(digestItemText(item)) })),
      ...(items.length > shown.length
        ? [{ type: 'context' as const, elements: [mrkdwn(`…and ${items.length - shown.length} more.`)] }]
        : []),
    ],
  };
}

/** The snooze's end in each reader's zone ("Dec 14"), its workspace-zone day as the fallback. */
function snoozeEnd(resolution: Extract<ItemResolution, { kind: 'snoozed' }>): string {
  const at = resolution.untilAt ? new Date(resolution.untilAt) : null;
  if (!at || Number.isNaN(at.getTime())) return shortDate(resolution.until);
  return slackDate(at, '{date_short_pretty}', shortDate(resolution.until));
}

function resolutionLine(resolution: ItemResolution): string {
  const who = mentionUser(resolution.userId);
  switch (resolution.kind) {
    case 'decided':
      return `:white_check_mark: Decided (${who}): ${escapeMrkdwn(clip(resolution.outcome, 500))}`;
    case 'snoozed':
      return `:zzz: Snoozed until ${snoozeEnd(resolution)} by ${who}`;
    case 'new_date':
      return `:calendar: New date ${shortDate(resolution.date)}, set by ${who}`;
    case 'dropped':
      return `:wastebasket: Dropped by ${who}`;
  }
}

export function resolutionText(title: string, resolution: ItemResolution): string {
  return `*${escapeMrkdwn(clip(title, 200))}*\n${resolutionLine(resolution)}`;
}

/** The message's blocks with one item replaced by its resolution line and its buttons removed. */
export function resolveItemInBlocks(
  blocks: readonly KnownBlock[],
  decisionId: number,
  title: string,
  resolution: ItemResolution,
): KnownBlock[] {
  const itemId = `${NUDGE_IDS.itemBlock}${decisionId}`;
  const actionsId = `${NUDGE_IDS.actionsBlock}${decisionId}`;
  return blocks
    .filter((block) => block.block_id !== actionsId)
    .map((block) =>
      block.block_id === itemId ? itemSection(decisionId, resolutionText(title, resolution)) : block,
    );
}
