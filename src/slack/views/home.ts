import type { HomeView, KnownBlock } from '@slack/types';
import { dealTitle } from '../../domain/deal-input.js';
import type { HomeData, HomeDealSummary } from '../../services/home.js';
import { mrkdwn, plain } from './blocks.js';
import { HOME_ACTIONS, RECAP_IDS } from './ids.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, mentionChannel, truncate } from './mrkdwn.js';
import { quotedRecapTitle } from './recap-failure.js';
import { slackDay } from './slack-date.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "3 drivers · 1 success factor · 2 constraints · 2 open decisions (1 overdue)" */
export function countsLine(s: HomeDealSummary): string {
  const decisions =
    s.overdueDecisions > 0
      ? `${plural(s.openDecisions, 'open decision')} (:warning: ${s.overdueDecisions} overdue)`
      : plural(s.openDecisions, 'open decision');
  return [
    plural(s.drivers, 'driver'),
    plural(s.successFactors, 'success factor'),
    plural(s.constraints, 'constraint'),
    decisions,
  ].join(' · ');
}

function dealBlocks(s: HomeDealSummary): KnownBlock[] {
  const { deal } = s;
  const activity = slackDay(s.lastActivity);
  const value = String(deal.id);
  return [
    {
      type: 'section',
      text: mrkdwn(
        `*${escapeMrkdwn(dealTitle(deal))}*  ·  ${escapeMrkdwn(deal.stage)}  ·  ${mentionChannel(deal.channelId)}\n` +
          `${countsLine(s)}\nLast activity: ${activity}`,
      ),
    },
    {
      type: 'actions',
      block_id: `home_deal_${deal.id}`,
      elements: [
        {
          type: 'button',
          action_id: HOME_ACTIONS.logEntry,
          text: plain('Log an entry', LIMITS.buttonText),
          value,
          style: 'primary',
        },
        {
          type: 'button',
          action_id: HOME_ACTIONS.viewEntries,
          text: plain('Open the list', LIMITS.buttonText),
          value,
        },
      ],
    },
    { type: 'divider' },
  ];
}

/**
 * Recaps that failed after their modal closed, each with "Try again": the rep sees them here even when Slack took
 * neither the DM nor the ephemeral that said so.
 */
function unfinishedRecapBlocks(recaps: HomeData['unfinishedRecaps']): KnownBlock[] {
  if (recaps.length === 0) return [];
  return [
    { type: 'header', text: plain('Recaps not finished', LIMITS.headerText) },
    ...recaps.map(
      (r): KnownBlock => ({
        type: 'section',
        text: mrkdwn(
          `Your recap ${r.title ? `${quotedRecapTitle(r.title)} ` : ''}for ${mentionChannel(r.channelId)} from ${slackDay(r.createdAt)} could not be finished` +
            `${r.failure ? `: ${escapeMrkdwn(truncate(r.failure, 300))} failed` : ''}. Your text is saved.`,
        ),
        accessory: {
          type: 'button',
          action_id: RECAP_IDS.retrySubmission,
          text: plain('Try again', LIMITS.buttonText),
          value: String(r.id),
        },
      }),
    ),
  ];
}

/** The App Home tab: unfinished recaps, then the user's deals with counts and quick actions (at most 100 blocks). */
export function homeView(data: HomeData): HomeView {
  const blocks: KnownBlock[] = [
    ...unfinishedRecapBlocks(data.unfinishedRecaps),
    { type: 'header', text: plain('Your deals', LIMITS.headerText) },
  ];
  if (data.deals.length === 0) {
    blocks.push({
      type: 'section',
      text: mrkdwn(
        'You do not own a deal yet. In a deal channel, type `/vision setup` to link it, then log what the customer tells you.',
      ),
    });
  } else {
    blocks.push({
      type: 'context',
      elements: [mrkdwn('What each customer told you, counted. Listen first: drivers before proposals.')],
    });
  }
  let shown = 0;
  for (const summary of data.deals) {
    // Keep one block free for the "more deals" line.
    if (blocks.length + 3 > LIMITS.blocksPerHomeTab - 1) break;
    blocks.push(...dealBlocks(summary));
    shown++;
  }
  const notShown = data.hidden + data.deals.length - shown;
  if (notShown > 0) {
    blocks.push({
      type: 'context',
      elements: [mrkdwn(`…and ${plural(notShown, 'more deal')}. Open their channels to see them.`)],
    });
  }
  return { type: 'home', blocks };
}
