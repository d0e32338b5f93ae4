import type { KnownBlock, PlainTextOption } from '@slack/types';
import {
  CONSTRAINT_CATEGORY_LABELS,
  CUSTOMER_KINDS,
  ENTRY_KIND_LABELS,
  ENTRY_STATUS_LABELS,
  type Entry,
  type EntryKind,
  type EntrySource,
  isCustomerKind,
} from '../../domain/entries.js';
import type { Stakeholder } from '../../domain/stakeholders.js';
import { mrkdwn, option, plain } from './blocks.js';
import { ENTRY_LIST } from './ids.js';
import { LIMITS } from './limits.js';
import { type ListPosition, listActionValue } from './list-values.js';
import { escapeMrkdwn, quoteMrkdwn, truncate } from './mrkdwn.js';

/** 20 entries + at most 6 kind headings + title, notice and paging stay far below 50 blocks. */
export const ENTRIES_PER_PAGE = 20;
const QUOTE_CHARS_IN_LIST = 1_200;
const KIND_ORDER: readonly EntryKind[] = [...CUSTOMER_KINDS, 'proposal'];
const PRIORITY_RANK = { high: 0, medium: 1, low: 2 } as const;

export interface EntryListInput {
  accountName: string;
  /** The deal's entries that are not archived. */
  entries: Entry[];
  stakeholders: Stakeholder[];
  position: ListPosition;
  /** e.g. "Archived …" with an Undo button. */
  notice?: { text: string; undoEntryId?: number };
}

/**
 * Customer kinds first (in the domain's order), our proposals last; inside a kind, entries with the customer's
 * own words before our-words-only ones, then by priority, then oldest first.
 */
export function orderEntries(entries: readonly Entry[]): Entry[] {
  return [...entries].sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      Number(a.quote === null) - Number(b.quote === null) ||
      PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
      a.id - b.id,
  );
}

/** Only Slack permalinks become links; anything else (typed, or forged) is shown as inert text. */
const SLACK_PERMALINK = /^https:\/\/[a-z0-9-]+\.slack\.com\/archives\/[^\s<>|]+$/i;

function sourceText(source: EntrySource | null): string | null {
  if (!source) return null;
  if (source.type === 'message')
    return SLACK_PERMALINK.test(source.ref) ? `<${source.ref}|Slack message>` : 'Slack message';
  if (source.type === 'meeting') return 'meeting recap';
  return escapeMrkdwn(truncate(source.ref, 120));
}

function whoSaidIt(entry: Entry, people: Map<number, Stakeholder>): string | null {
  if (!isCustomerKind(entry.kind)) return null;
  const person = entry.stakeholderId ? people.get(entry.stakeholderId) : undefined;
  if (!person) return 'who said it: not recorded';
  return escapeMrkdwn(person.title ? `${person.name} (${person.title})` : person.name);
}

/** One entry as mrkdwn: statement, who/source/status line, then the customer's words (cut to fit a section). */
export function entryText(entry: Entry, people: Map<number, Stakeholder>): string {
  const meta = [
    whoSaidIt(entry, people),
    sourceText(entry.source),
    entry.saidOn ? `said ${entry.saidOn}` : null,
    ENTRY_STATUS_LABELS[entry.status],
    entry.priority !== 'medium' ? `${entry.priority} priority` : null,
    entry.kind === 'constraint' && entry.constraintCategory
      ? `${CONSTRAINT_CATEGORY_LABELS[entry.constraintCategory]}, ${entry.severity ?? 'medium'} severity`
      : null,
  ].filter((part): part is string => part !== null);
  const lines = [`*${escapeMrkdwn(entry.statement)}*`, meta.join(' · ')];
  if (entry.quote) lines.push(quoteMrkdwn(truncate(entry.quote, QUOTE_CHARS_IN_LIST)));
  else if (isCustomerKind(entry.kind)) lines.push('_our words, not theirs_');
  return truncate(lines.join('\n'), LIMITS.sectionText);
}

function overflowOptions(entry: Entry, position: ListPosition): PlainTextOption[] {
  const value = (op: 'edit' | 'confirm' | 'archive') =>
    listActionValue({ op, entryId: entry.id, ...position });
  const all = [option('Edit', value('edit'))];
  if (entry.status !== 'confirmed') all.push(option('Mark confirmed by customer', value('confirm')));
  all.push(option('Archive', value('archive')));
  return all.slice(0, LIMITS.overflowOptions);
}

function pagingBlock(position: ListPosition, pageCount: number, remaining: number): KnownBlock | null {
  const buttons = [];
  if (position.page > 0)
    buttons.push({
      type: 'button' as const,
      action_id: ENTRY_LIST.pageBack,
      text: plain('Back', LIMITS.buttonText),
      value: listActionValue({ op: 'page', entryId: 0, kind: position.kind, page: position.page - 1 }),
    });
  if (position.page < pageCount - 1)
    buttons.push({
      type: 'button' as const,
      action_id: ENTRY_LIST.page,
      text: plain(`More (${remaining} left)`, LIMITS.buttonText),
      value: listActionValue({ op: 'page', entryId: 0, kind: position.kind, page: position.page + 1 }),
    });
  return buttons.length > 0 ? { type: 'actions', elements: buttons } : null;
}

/** The ephemeral `/vision list` message, one page of it (always within Block Kit's 50 blocks). */
export function entryListMessage(input: EntryListInput): { text: string; blocks: KnownBlock[] } {
  const ordered = orderEntries(
    input.position.kind ? input.entries.filter((e) => e.kind === input.position.kind) : input.entries,
  );
  const pageCount = Math.max(1, Math.ceil(ordered.length / ENTRIES_PER_PAGE));
  const page = Math.min(input.position.page, pageCount - 1);
  const position = { kind: input.position.kind, page };
  const shown = ordered.slice(page * ENTRIES_PER_PAGE, (page + 1) * ENTRIES_PER_PAGE);
  const people = new Map(input.stakeholders.map((s) => [s.id, s]));
  const scope = input.position.kind ? ENTRY_KIND_LABELS[input.position.kind].many.toLowerCase() : 'entries';
  const pageNote = pageCount > 1 ? ` (page ${page + 1} of ${pageCount})` : '';
  const title = `*${escapeMrkdwn(input.accountName)}*: ${ordered.length} ${scope}${pageNote}`;
  const blocks: KnownBlock[] = [{ type: 'section', text: mrkdwn(title) }];
  if (input.notice) {
    blocks.push({
      type: 'section',
      text: mrkdwn(input.notice.text),
      ...(input.notice.undoEntryId
        ? {
            accessory: {
              type: 'button',
              action_id: ENTRY_LIST.undoArchive,
              text: plain('Undo', LIMITS.buttonText),
              value: listActionValue({ op: 'undo', entryId: input.notice.undoEntryId, ...position }),
            },
          }
        : {}),
    });
  }
  if (ordered.length === 0) {
    const hint = 'Nothing logged yet. Try `/vision driver "their words"` or the message shortcut.';
    blocks.push({ type: 'context', elements: [mrkdwn(hint, LIMITS.contextText)] });
  }
  let currentKind: EntryKind | null = null;
  for (const entry of shown) {
    if (entry.kind !== currentKind) {
      currentKind = entry.kind;
      const count = ordered.filter((e) => e.kind === entry.kind).length;
      blocks.push({ type: 'header', text: plain(`${ENTRY_KIND_LABELS[entry.kind].many} (${count})`, 150) });
    }
    blocks.push({
      type: 'section',
      text: mrkdwn(entryText(entry, people)),
      accessory: {
        type: 'overflow',
        action_id: ENTRY_LIST.overflow,
        options: overflowOptions(entry, position),
      },
    });
  }
  const paging = pagingBlock(position, pageCount, ordered.length - (page + 1) * ENTRIES_PER_PAGE);
  if (paging) blocks.push(paging);
  return { text: `${escapeMrkdwn(input.accountName)}: ${ordered.length} ${scope}${pageNote}`, blocks };
}
