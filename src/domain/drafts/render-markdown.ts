import type { Entry } from '../entries.js';
import type { Stakeholder } from '../stakeholders.js';
import { speakerName } from './attribution.js';
import { CUSTOMER_SECTIONS, type DraftResult, SECTION_TITLES, type Statement } from './draft.js';
import type { DraftInput } from './input.js';

/**
 * Makes user or model text inert in Markdown: HTML-ish brackets become entities (so `<!channel>` or a tag
 * cannot act), and Markdown punctuation is backslash-escaped (no links, emphasis or headings smuggled in).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~])/g, '\\$1')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

const SOURCE_LABELS = { meeting: 'meeting', message: 'message', text: 'notes' } as const;

/** Numbers cited entries 1, 2, 3... in order of first use, so the customer never sees internal ids. */
class Footnotes {
  private readonly order = new Map<number, number>();
  ref(ids: number[]): string {
    const refs = ids.map((id) => {
      if (!this.order.has(id)) this.order.set(id, this.order.size + 1);
      return `[${this.order.get(id)}]`;
    });
    return refs.length ? ` ${refs.join('')}` : '';
  }
  lines(entries: ReadonlyMap<number, Entry>, people: ReadonlyMap<number, Stakeholder>): string[] {
    return [...this.order.entries()].map(([id, n]) => {
      const entry = entries.get(id);
      const who = entry?.stakeholderId != null ? speakerName(people.get(entry.stakeholderId)) : null;
      const parts = [
        who ?? 'our notes',
        entry?.saidOn,
        entry?.source ? SOURCE_LABELS[entry.source.type] : null,
      ];
      return `${n}. ${escapeMarkdown(parts.filter(Boolean).join(', '))}`;
    });
  }
}

function statementLine(s: Statement, notes: Footnotes): string {
  const quote = s.quote
    ? `“${escapeMarkdown(s.quote)}”${s.speaker ? ` (${escapeMarkdown(s.speaker)})` : ''}: `
    : '';
  const ours = s.ourWords ? ' _(in our words; please correct us)_' : '';
  return `- ${quote}${escapeMarkdown(s.text)}${notes.ref(s.entryIds)}${ours}`;
}

export interface MarkdownExportInput {
  deal: DraftInput['deal'];
  version: number;
  draft: Pick<DraftResult, 'content' | 'meta'>;
  entries: readonly Entry[];
  stakeholders: readonly Stakeholder[];
}

/**
 * The customer-readable "Here's what we heard" for /vision export. Only verified statements; no listening
 * check, no unverified items, no internal ids (citations become numbered source notes).
 */
export function renderMarkdown({ deal, version, draft, entries, stakeholders }: MarkdownExportInput): string {
  const { content, meta } = draft;
  const byId = new Map(entries.map((e) => [e.id, e]));
  const people = new Map(stakeholders.map((s) => [s.id, s]));
  const notes = new Footnotes();
  const out: string[] = [
    `# Here's what we heard: ${escapeMarkdown(deal.accountName)}`,
    '',
    `_${escapeMarkdown(deal.dealName)}, version ${version}_`,
  ];
  const section = (title: string, lines: string[]) => {
    if (lines.length) out.push('', `## ${title}`, '', ...lines);
  };

  for (const key of CUSTOMER_SECTIONS)
    section(
      SECTION_TITLES[key],
      content[key].map((s) => statementLine(s, notes)),
    );
  section(
    SECTION_TITLES.vision,
    content.vision.map((s) => `- ${escapeMarkdown(s.text)}${notes.ref(s.entryIds)}`),
  );
  section(
    'How we got here',
    content.vision.flatMap((point, i) => [
      `${i + 1}. Point ${i + 1} of the future above rests on what you told us:`,
      ...point.entryIds.map((id) => {
        const e = byId.get(id);
        const said = e?.quote ? `“${escapeMarkdown(e.quote)}”` : escapeMarkdown(e?.statement ?? '');
        return `   - ${said}${notes.ref([id])}`;
      }),
    ]),
  );
  section(
    'Questions we would like to explore with you',
    content.questions.map((q) => `- ${escapeMarkdown(q.text)}`),
  );

  const sources = notes.lines(byId, people);
  section('Sources', sources);
  out.push(
    '',
    '---',
    '',
    meta.provider === 'offline'
      ? '_Drafted without AI, directly from our notes of what you told us._'
      : `_Drafted with AI assistance (${escapeMarkdown(meta.model)}) from our notes; every point lists what it rests on._`,
    '_Did we get something wrong or miss something? Please tell us: this is your picture, not ours._',
    '',
  );
  return out.join('\n');
}
