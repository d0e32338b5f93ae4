import { describe, expect, it } from 'vitest';
import { ENTRY_KINDS, type Entry, type EntryKind } from '../../../src/domain/entries.js';
import type { Stakeholder } from '../../../src/domain/stakeholders.js';
import { ENTRY_LIST } from '../../../src/slack/views/ids.js';
import { LIMITS } from '../../../src/slack/views/limits.js';
import { ENTRIES_PER_PAGE, entryListMessage, orderEntries } from '../../../src/slack/views/list-blocks.js';
import { parseListActionValue } from '../../../src/slack/views/list-values.js';

let nextId = 1;
function entry(kind: EntryKind, fields: Partial<Entry> = {}): Entry {
  const id = nextId++;
  return {
    id,
    teamId: 'T1',
    dealId: 1,
    kind,
    statement: `statement ${id}`,
    quote: null,
    stakeholderId: null,
    source: null,
    saidOn: null,
    priority: 'medium',
    status: 'unconfirmed',
    constraintCategory: kind === 'constraint' ? 'budget' : null,
    severity: kind === 'constraint' ? 'high' : null,
    internalOnly: false,
    archived: false,
    createdBy: 'U1',
    createdAt: new Date(0),
    updatedBy: 'U1',
    updatedAt: new Date(0),
    ...fields,
  };
}

const dana: Stakeholder = {
  id: 7,
  teamId: 'T1',
  dealId: 1,
  name: 'Dana <Lee>',
  title: 'CFO',
  buyingRole: 'economic_buyer',
  createdAt: new Date(0),
};

type AnyBlock = { type: string; text?: { text: string }; accessory?: { type: string; options?: unknown[] } };
const blocksOf = (m: { blocks: unknown[] }) => m.blocks as AnyBlock[];
const position = { kind: null, page: 0 };

describe('entry order', () => {
  it('puts customer kinds first, proposals last, and quotes before our words inside a kind', () => {
    const ours = entry('driver');
    const quoted = entry('driver', { quote: 'we lose three days' });
    const proposal = entry('proposal', { quote: 'start with routing' });
    const risk = entry('risk', { quote: 'my team takes the blame' });
    const ordered = orderEntries([proposal, ours, risk, quoted]).map((e) => e.id);
    expect(ordered).toEqual([quoted.id, ours.id, risk.id, proposal.id]);
  });
});

describe('the /vision list message', () => {
  it('shows kind headings, who said it, source, status, the escaped quote and an overflow per entry', () => {
    const quoted = entry('driver', {
      quote: '<!channel> we lose three days & more',
      stakeholderId: dana.id,
      source: { type: 'message', ref: 'https://acme.slack.com/archives/C1/p123' },
      saidOn: '2026-11-20',
    });
    const ours = entry('driver');
    const proposal = entry('proposal', { statement: 'Start with routing' });
    const message = entryListMessage({
      accountName: 'Acme & Co',
      entries: [proposal, ours, quoted],
      stakeholders: [dana],
      position,
    });
    const texts = blocksOf(message).map((b) => b.text?.text ?? '');
    const all = texts.join('\n');
    expect(all).toContain('&lt;!channel&gt; we lose three days &amp; more');
    expect(all).not.toContain('<!channel>');
    expect(all).toContain('Dana &lt;Lee&gt; (CFO)');
    expect(all).toContain('<https://acme.slack.com/archives/C1/p123|Slack message>');
    expect(all).toContain('said 2026-11-20');
    expect(all).toContain('Unconfirmed');
    expect(all).toContain('_our words, not theirs_');
    expect(texts.indexOf('Business drivers (2)')).toBeLessThan(texts.indexOf('Our proposals (1)'));
    expect(all.indexOf('we lose three days')).toBeLessThan(all.indexOf(`statement ${ours.id}`));
    const overflows = blocksOf(message).filter((b) => b.accessory?.type === 'overflow');
    expect(overflows).toHaveLength(3);
    // Proposals are ours: no "our words" marker on them.
    expect(texts.find((t) => t.includes('Start with routing'))).not.toContain('our words');
  });

  it('offers Edit, Mark confirmed and Archive, with values that name the entry', () => {
    const e = entry('risk');
    const message = entryListMessage({ accountName: 'A', entries: [e], stakeholders: [], position });
    const overflow = blocksOf(message).find((b) => b.accessory?.type === 'overflow')!
      .accessory as unknown as {
      action_id: string;
      options: { text: { text: string }; value: string }[];
    };
    expect(overflow.action_id).toBe(ENTRY_LIST.overflow);
    expect(overflow.options.map((o) => o.text.text)).toEqual([
      'Edit',
      'Mark confirmed by customer',
      'Archive',
    ]);
    expect(overflow.options.map((o) => parseListActionValue(o.value))).toEqual([
      { op: 'edit', entryId: e.id, kind: null, page: 0 },
      { op: 'confirm', entryId: e.id, kind: null, page: 0 },
      { op: 'archive', entryId: e.id, kind: null, page: 0 },
    ]);
    const confirmed = entryListMessage({
      accountName: 'A',
      entries: [{ ...e, status: 'confirmed' }],
      stakeholders: [],
      position,
    });
    expect(JSON.stringify(confirmed.blocks)).not.toContain('Mark confirmed');
  });

  it('stays within 50 blocks, 3000 characters per section and 5 overflow options with many long entries', () => {
    const many = Array.from({ length: 130 }, (_, i) =>
      entry(ENTRY_KINDS[i % ENTRY_KINDS.length]!, {
        statement: `${'&<>'.repeat(99)}x`,
        quote: '&'.repeat(3000),
        stakeholderId: dana.id,
        source: { type: 'text', ref: '<'.repeat(500) },
      }),
    );
    const pages = Math.ceil(many.length / ENTRIES_PER_PAGE);
    let seen = 0;
    for (let page = 0; page < pages; page++) {
      const message = entryListMessage({
        accountName: 'A',
        entries: many,
        stakeholders: [dana],
        position: { kind: null, page },
        notice: { text: 'Archived x.', undoEntryId: 1 },
      });
      const blocks = blocksOf(message);
      expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
      for (const block of blocks) {
        if (block.type === 'section') expect(block.text!.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
        if (block.accessory?.type === 'overflow')
          expect(block.accessory.options!.length).toBeLessThanOrEqual(LIMITS.overflowOptions);
      }
      seen += blocks.filter((b) => b.accessory?.type === 'overflow').length;
      const more = JSON.stringify(blocks).includes(ENTRY_LIST.page);
      expect(more).toBe(page < pages - 1 || page > 0);
    }
    expect(seen).toBe(many.length);
  });

  it('filters by kind and says when there is nothing yet', () => {
    const message = entryListMessage({
      accountName: 'A',
      entries: [entry('driver'), entry('risk')],
      stakeholders: [],
      position: { kind: 'constraint', page: 0 },
    });
    expect(message.text).toContain('0 constraints');
    expect(JSON.stringify(message.blocks)).toContain('Nothing logged yet');
  });
});
