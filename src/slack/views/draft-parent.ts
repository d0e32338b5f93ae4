import type { KnownBlock } from '@slack/types';
import type { Deal } from '../../domain/deals.js';
import type { ListeningItem } from '../../domain/drafts/draft.js';
import { OFFLINE_LABEL } from '../../domain/drafts/offline-drafter.js';
import { draftSummaryLine } from '../../domain/drafts/summary.js';
import { DRAFT_STATUS_LABELS, type DraftVersion } from '../../domain/drafts/version.js';
import { mrkdwn, plain } from './blocks.js';
import { DRAFT_ACTIONS } from './ids.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, mentionUser, truncate } from './mrkdwn.js';
import { slackDateTime } from './slack-date.js';

export interface SlackMessageContent {
  text: string;
  blocks: KnownBlock[];
}

/** How a version was written, for people: never the raw fallback detail. */
export function providerLabel(v: Pick<DraftVersion, 'provider' | 'model' | 'fallbackReason'>): string {
  if (v.provider === 'edited') return `Edited by hand (from ${v.model})`;
  if (v.provider === 'offline') {
    const reason = v.fallbackReason ? `, AI unavailable: ${v.fallbackReason.split(':')[0]}` : '';
    return `${OFFLINE_LABEL}${reason}`;
  }
  return `Drafted with AI (${v.model})`;
}

/** The short top-level message posted at once, before the (possibly slow) drafting. */
export function draftPlaceholder(deal: Pick<Deal, 'accountName'>, regenerating = false): SlackMessageContent {
  const verb = regenerating ? 'Redrafting' : 'Drafting';
  const text = `${verb} the shared vision for ${escapeMrkdwn(truncate(deal.accountName, 200))}…`;
  return {
    text,
    blocks: [{ type: 'context', elements: [mrkdwn(`:hourglass_flowing_sand: ${text}`, LIMITS.contextText)] }],
  };
}

const button = (actionId: string, label: string, draftId: number, style?: 'primary' | 'danger') => ({
  type: 'button' as const,
  action_id: actionId,
  text: plain(label, LIMITS.buttonText),
  value: String(draftId),
  ...(style ? { style } : {}),
});

function statusLine(v: DraftVersion): string {
  const label = DRAFT_STATUS_LABELS[v.status];
  if (v.status === 'draft' || !v.statusChangedBy) return `Status: ${label}`;
  return `Status: ${label} (recorded by ${mentionUser(v.statusChangedBy)})`;
}

/**
 * The parent message once the draft is ready: one summary line, who asked, how it was drafted, the buttons.
 * "Send to CRM" only when the deal is linked to a CRM record the app can reach.
 */
export function draftParent(v: DraftVersion, options: { crmLinked?: boolean } = {}): SlackMessageContent {
  const summary = draftSummaryLine(v.version, v.content, v.unverified.length);
  const context = [
    `Requested by ${mentionUser(v.createdBy)}`,
    escapeMrkdwn(providerLabel(v)),
    statusLine(v),
    'full draft in the thread',
  ].join(' · ');
  return {
    text: escapeMrkdwn(summary),
    blocks: [
      { type: 'section', text: mrkdwn(`*${escapeMrkdwn(summary)}*`) },
      { type: 'context', elements: [mrkdwn(context, LIMITS.contextText)] },
      {
        type: 'actions',
        elements: [
          button(DRAFT_ACTIONS.regenerate, 'Regenerate', v.id),
          button(DRAFT_ACTIONS.edit, 'Edit', v.id),
          button(DRAFT_ACTIONS.shareWithCustomer, 'Share with customer', v.id),
          button(DRAFT_ACTIONS.markShared, 'Mark shared with customer', v.id),
          button(DRAFT_ACTIONS.markConfirmed, 'Customer confirmed', v.id, 'primary'),
          button(DRAFT_ACTIONS.markCorrected, 'Customer corrected', v.id),
          ...(options.crmLinked ? [button(DRAFT_ACTIONS.sendToCrm, 'Send to CRM', v.id)] : []),
        ],
      },
    ],
  };
}

/** The parent when drafting failed on our side (storage down...): nothing half-posted stays ambiguous. */
export function draftFailedParent(): SlackMessageContent {
  const text =
    'The shared vision draft could not be written (a problem on our side). Nothing was lost; try `/vision draft` again.';
  return { text, blocks: [{ type: 'context', elements: [mrkdwn(text)] }] };
}

/** Lines packed into as few section blocks as the text limit allows. */
function sections(lines: readonly string[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let chunk = '';
  for (const line of lines) {
    if (chunk && chunk.length + line.length + 1 > LIMITS.sectionText) {
      blocks.push({ type: 'section', text: mrkdwn(chunk) });
      chunk = '';
    }
    chunk = chunk ? `${chunk}\n${line}` : truncate(line, LIMITS.sectionText);
  }
  if (chunk) blocks.push({ type: 'section', text: mrkdwn(chunk) });
  return blocks;
}

const refs = (ids: readonly number[]) => (ids.length ? ` [${ids.map((id) => `#${id}`).join(', ')}]` : '');

/**
 * The listening check goes only to the person who asked for the draft (ephemeral), never to the channel:
 * coaching, not surveillance.
 */
export function listeningMessage(version: number, items: readonly ListeningItem[]): SlackMessageContent {
  const title = `Listening check for draft v${version} (only you see this)`;
  const lines = items.length
    ? items.map((i) => `• ${escapeMrkdwn(truncate(i.text, 500))}${refs(i.entryIds)}`)
    : ['Nothing to flag: every item is in the customer’s words, confirmed, and nobody was left unheard.'];
  const blocks: KnownBlock[] = [{ type: 'section', text: mrkdwn(`*${title}*`) }, ...sections(lines)];
  return { text: title, blocks: blocks.slice(0, LIMITS.blocksPerMessage) };
}

/** A short thread reply recording a playback outcome (what changed, who recorded it). */
export function playbackNote(text: string): SlackMessageContent {
  return { text, blocks: [{ type: 'section', text: mrkdwn(text) }] };
}

const number = (n: number) => n.toLocaleString('en-US');

/** `/vision draft history`: one line per version, newest first. */
export function historyMessage(deal: Pick<Deal, 'accountName'>, versions: readonly DraftVersion[]) {
  const title = `Shared vision drafts for ${escapeMrkdwn(deal.accountName)}`;
  if (versions.length === 0) {
    return { text: `${title}: none yet. Run \`/vision draft\` to write the first one.`, blocks: undefined };
  }
  const lines = [...versions].reverse().map((v) => {
    const when = slackDateTime(v.createdAt);
    const tokens =
      v.promptTokens + v.completionTokens > 0
        ? `${number(v.promptTokens)} + ${number(v.completionTokens)} tokens${v.usageEstimated ? ' (estimated)' : ''}`
        : 'no tokens';
    const fallback = v.fallbackReason
      ? ` · fell back: ${escapeMrkdwn(v.fallbackReason.split(':')[0] ?? '')}`
      : '';
    return `• *v${v.version}* · ${when} · ${escapeMrkdwn(v.provider)} / ${escapeMrkdwn(v.model)} · ${tokens} · ${DRAFT_STATUS_LABELS[v.status]} · by ${mentionUser(v.createdBy)}${fallback}`;
  });
  const blocks: KnownBlock[] = [{ type: 'section', text: mrkdwn(`*${title}*`) }, ...sections(lines)];
  return { text: `${title}: ${versions.length} versions`, blocks: blocks.slice(0, LIMITS.blocksPerMessage) };
}
