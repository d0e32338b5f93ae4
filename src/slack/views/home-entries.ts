import type { KnownBlock, ModalView } from '@slack/types';
import { dealTitle } from '../../domain/deal-input.js';
import type { Deal } from '../../domain/deals.js';
import { ENTRY_KIND_LABELS, ENTRY_KINDS, ENTRY_STATUS_LABELS, type Entry } from '../../domain/entries.js';
import type { Stakeholder } from '../../domain/stakeholders.js';
import { mrkdwn, plain } from './blocks.js';
import { VIEW_IDS } from './ids.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, quoteMrkdwn, truncate } from './mrkdwn.js';

function entryText(entry: Entry, people: Map<number, Stakeholder>): string {
  const who = entry.stakeholderId ? people.get(entry.stakeholderId)?.name : undefined;
  const lines = [`*${escapeMrkdwn(entry.statement)}*`];
  if (entry.quote) lines.push(quoteMrkdwn(truncate(entry.quote, 1_500)));
  const meta = [
    who ? `— ${escapeMrkdwn(who)}` : null,
    ENTRY_STATUS_LABELS[entry.status],
    entry.saidOn,
  ].filter(Boolean);
  lines.push(`_${meta.join(' · ')}_`);
  return lines.join('\n');
}

/**
 * Read-only list of a deal's entries, opened from App Home (an ephemeral message cannot be shown there).
 * Grouped by kind, customer kinds first and our proposals last; entries with the customer's words first.
 */
export function dealEntriesModal(deal: Deal, entries: Entry[], stakeholders: Stakeholder[]): ModalView {
  const people = new Map(stakeholders.map((s) => [s.id, s]));
  const live = entries.filter((e) => !e.archived);
  const budget = LIMITS.blocksPerModal - 2;
  const blocks: KnownBlock[] = [
    {
      type: 'context',
      elements: [
        mrkdwn(
          `${escapeMrkdwn(truncate(dealTitle(deal), 300))} · ${live.length} entries`,
          LIMITS.contextText,
        ),
      ],
    },
  ];
  let shown = 0;
  for (const kind of ENTRY_KINDS) {
    const ofKind = live
      .filter((e) => e.kind === kind)
      .sort((a, b) => Number(b.quote !== null) - Number(a.quote !== null) || a.id - b.id);
    if (ofKind.length === 0 || blocks.length + 2 > budget) continue;
    blocks.push({
      type: 'header',
      text: plain(`${ENTRY_KIND_LABELS[kind].many} (${ofKind.length})`, LIMITS.headerText),
    });
    for (const entry of ofKind) {
      if (blocks.length + 1 > budget) break;
      blocks.push({ type: 'section', text: mrkdwn(entryText(entry, people)) });
      shown++;
    }
  }
  if (live.length === 0) {
    blocks.push({
      type: 'section',
      text: mrkdwn('Nothing logged yet. Use *Log an entry* to add what the customer said.'),
    });
  } else if (shown < live.length) {
    blocks.push({
      type: 'context',
      elements: [
        mrkdwn(`${live.length - shown} more: type \`/vision list\` in the deal channel to see all.`),
      ],
    });
  }
  return {
    type: 'modal',
    callback_id: VIEW_IDS.dealEntries,
    title: plain(truncate(deal.accountName, LIMITS.modalTitle), LIMITS.modalTitle),
    close: plain('Close', LIMITS.modalClose),
    blocks,
  };
}
