import type { KnownBlock } from '@slack/types';
import { CONSTRAINT_CATEGORY_LABELS, ENTRY_KIND_LABELS } from '../../domain/entries.js';
import type { Meeting, RecapProposal } from '../../domain/recap/meeting.js';
import { mrkdwn, plain } from './blocks.js';
import { RECAP_IDS as R } from './ids.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, mentionUser, truncate } from './mrkdwn.js';

export interface SlackMessageContent {
  text: string;
  blocks: KnownBlock[];
}

/** Proposals per thread message: 2 blocks each plus a heading stays well under 50 blocks. */
export const PROPOSALS_PER_MESSAGE = 20;

const line = (text: string, max = 600) => escapeMrkdwn(truncate(text.replace(/\s+/g, ' ').trim(), max));

/** The short parent message in the channel; the detail lives in its thread. */
export function recapParentMessage(
  meeting: Meeting,
  proposals: number,
  keptPrivate = 0,
): SlackMessageContent {
  const heading = `Recap: ${meeting.title} (${meeting.meetingDate})`;
  const detail =
    proposals > 0
      ? `${proposals} proposal${proposals === 1 ? '' : 's'} to confirm in the thread. Only confirmed ones are saved.`
      : keptPrivate > 0
        ? 'Nothing to confirm in the thread; the notes are kept with the meeting.'
        : 'Nothing to confirm was found; the notes are kept with the meeting.';
  return {
    text: line(heading, 200),
    blocks: [
      { type: 'section', text: mrkdwn(`*${line(heading, 200)}*`) },
      {
        type: 'context',
        elements: [mrkdwn(`${detail} Posted by ${mentionUser(meeting.createdBy)}.`, LIMITS.contextText)],
      },
    ],
  };
}

/** What a thread message of proposals becomes when a retried recap posts them again further down the thread. */
export function supersededProposalsMessage(): SlackMessageContent {
  const text = 'These proposals were replaced: the recap was run again after a failure, see below.';
  return { text, blocks: [{ type: 'context', elements: [mrkdwn(text)] }] };
}

/** First thread message: how the text was read, what was cut, and the draft refresh button. */
export function recapIntroMessage(notices: string[], dealId?: number): SlackMessageContent {
  const blocks: KnownBlock[] = notices.map((notice) => ({
    type: 'context',
    elements: [mrkdwn(escapeMrkdwn(notice), LIMITS.contextText)],
  }));
  blocks.push({
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: R.refreshDraft,
        text: plain('Refresh the shared-vision draft', LIMITS.buttonText),
        // The deal, for a recap posted outside its channel (Slack Connect: internal channel or the rep's DM).
        value: dealId ? `deal:${dealId}` : 'refresh',
      },
    ],
  });
  return { text: truncate(escapeMrkdwn(notices.join(' ')), LIMITS.sectionText) || 'Recap details', blocks };
}

function proposalText(p: RecapProposal): string {
  if (p.kind === 'decision') {
    const facts = [
      p.payload.ownerName ? `Owner: ${line(p.payload.ownerName, 80)}` : 'Owner: not stated',
      p.payload.dueDate ? `Due: ${p.payload.dueDate}` : 'Due: not stated',
    ];
    return `*Decision* · ${line(p.payload.title)}\n${facts.join(' · ')}`;
  }
  const { kind, statement, quote, speaker, constraintCategory } = p.payload;
  const label =
    kind === 'constraint' && constraintCategory
      ? `${ENTRY_KIND_LABELS[kind].one} (${CONSTRAINT_CATEGORY_LABELS[constraintCategory]})`
      : ENTRY_KIND_LABELS[kind].one;
  const parts = [`*${label}* · ${line(statement)}`];
  if (quote) parts.push(`> “${line(quote, 1_500)}”${speaker ? ` — ${line(speaker, 80)}` : ''}`);
  else if (speaker) parts.push(`— ${line(speaker, 80)}`);
  return parts.join('\n');
}

function resolvedNote(p: RecapProposal): string {
  const who = p.resolvedBy ? mentionUser(p.resolvedBy) : 'someone';
  if (p.status === 'discarded') return `Discarded by ${who}; nothing was saved.`;
  if (p.kind === 'entry')
    return `:white_check_mark: Confirmed by ${who}${p.entryId ? ` as #${p.entryId}` : ''}.`;
  return `:white_check_mark: Confirmed by ${who}${p.decisionId ? ` as decision #${p.decisionId}` : ''}.`;
}

/** One proposal: its text and buttons while proposed, then the outcome in place of the buttons. */
export function proposalBlocks(p: RecapProposal): KnownBlock[] {
  const blockId = `${R.proposalBlock}${p.id}`;
  if (p.status === 'discarded') {
    return [
      {
        type: 'context',
        block_id: blockId,
        elements: [
          mrkdwn(
            `~${line(p.kind === 'entry' ? p.payload.statement : p.payload.title, 300)}~ ${resolvedNote(p)}`,
            LIMITS.contextText,
          ),
        ],
      },
    ];
  }
  const section: KnownBlock = { type: 'section', block_id: blockId, text: mrkdwn(proposalText(p)) };
  if (p.status === 'confirmed') {
    return [section, { type: 'context', elements: [mrkdwn(resolvedNote(p), LIMITS.contextText)] }];
  }
  const value = String(p.id);
  return [
    section,
    {
      type: 'actions',
      block_id: `${R.proposalBlock}${p.id}:actions`,
      elements: [
        {
          type: 'button',
          action_id: R.confirm,
          style: 'primary',
          text: plain('Confirm', LIMITS.buttonText),
          value,
        },
        { type: 'button', action_id: R.edit, text: plain('Edit', LIMITS.buttonText), value },
        { type: 'button', action_id: R.discard, text: plain('Discard', LIMITS.buttonText), value },
      ],
    },
  ];
}

/** One thread message holding some proposals, with a heading per kind. Re-rendered from storage on every change. */
export function proposalMessage(proposals: readonly RecapProposal[]): SlackMessageContent {
  const blocks: KnownBlock[] = [];
  let lastKind: RecapProposal['kind'] | null = null;
  for (const p of proposals) {
    if (p.kind !== lastKind) {
      blocks.push({
        type: 'section',
        text: mrkdwn(
          p.kind === 'entry'
            ? '*Proposed entries* (what we heard; confirm what is right)'
            : '*Decisions the customer still has to make*',
        ),
      });
      lastKind = p.kind;
    }
    blocks.push(...proposalBlocks(p));
  }
  const open = proposals.filter((p) => p.status === 'proposed').length;
  return {
    text: `${proposals.length} proposals from the recap, ${open} still to confirm`,
    blocks: blocks.slice(0, LIMITS.blocksPerMessage),
  };
}

/** Splits proposals into thread messages within Block Kit's 50-block limit. */
export function chunkProposals<T>(proposals: readonly T[], size = PROPOSALS_PER_MESSAGE): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < proposals.length; i += size) chunks.push(proposals.slice(i, i + size));
  return chunks;
}
