import type { Entry } from '../entries.js';
import type { Stakeholder } from '../stakeholders.js';
import { joinLines, SENTENCE_END, trimEndOf } from '../text/trim-end.js';
import {
  CUSTOMER_SECTIONS,
  type DraftContent,
  type DraftResult,
  PERSPECTIVE_TITLE,
  SECTION_TITLES,
  type Statement,
} from './draft.js';
import type { DraftInput } from './input.js';
import { reasoningSentence } from './reasoning-text.js';

/** Questions in the customer's copy: the few that matter most (the thread keeps them all). */
export const EXPORT_QUESTIONS_MAX = 3;
export const VISION_EXPORT_TITLE = 'The future we see together, and how we got here';

/**
 * Makes user or model text inert in Markdown: HTML-ish brackets become entities (so `<!channel>` or a tag
 * cannot act), and Markdown punctuation is backslash-escaped (no links, emphasis or headings smuggled in).
 */
export function escapeMarkdown(text: string): string {
  const escaped = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~])/g, '\\$1');
  return joinLines(escaped, ' ').trim();
}

/** Numbers entries 1, 2, 3... the first time they are shown, so each appears once and is referred to after. */
class EntryNumbers {
  private readonly order = new Map<number, number>();
  has(id: number): boolean {
    return this.order.has(id);
  }
  number(ids: readonly number[]): void {
    for (const id of ids) if (!this.order.has(id)) this.order.set(id, this.order.size + 1);
  }
  /** `[1]`, `[1] and [2]`, `[1], [2] and [4]`; ids never shown are left out. */
  refs = (ids: readonly number[]): string => {
    const shown = [...new Set(ids)]
      .map((id) => this.order.get(id))
      .filter((n): n is number => n !== undefined)
      .sort((a, b) => a - b)
      .map((n) => `[${n}]`);
    if (shown.length <= 1) return shown[0] ?? '';
    return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
  };
}

export interface MarkdownExportInput {
  deal: DraftInput['deal'];
  version: number;
  draft: Pick<DraftResult, 'content' | 'meta'>;
  entries: readonly Entry[];
  stakeholders: readonly Stakeholder[];
}

const strip = (text: string) => trimEndOf(text, SENTENCE_END);

/**
 * The customer-readable "Here's what we heard" for /vision export, addressed to the customer. Each entry
 * appears once (its quote in its section, a number everywhere else); unconfirmed items are asked, not
 * asserted; vision points show their reasoning by number; our perspective only when earned. Nothing
 * internal: no listening check, no unverified items, no internal ids, and nothing that cites an internal-only,
 * archived or unknown entry (checked again here, so an entry marked internal after drafting stays out).
 */
export function renderMarkdown(input: MarkdownExportInput): string {
  return renderPlayback(input, MARKDOWN_STYLE).join('\n');
}

/** How the customer's copy is written: Markdown for the file, Slack mrkdwn for the shared message. */
export interface PlaybackStyle {
  /** Makes user or model text inert (and one line). */
  escape(text: string): string;
  title(text: string): string;
  heading(text: string): string[];
  italic(text: string): string;
  bullet: string;
}

export const MARKDOWN_STYLE: PlaybackStyle = {
  escape: escapeMarkdown,
  title: (text) => `# ${text}`,
  heading: (text) => ['', `## ${text}`, ''],
  italic: (text) => `_${text}_`,
  bullet: '-',
};

/**
 * The customer's copy as lines in a style (see renderMarkdown for what it holds and leaves out); the Slack
 * "Share with customer" message and the Markdown export are the same text.
 */
export function renderPlayback(
  { deal, version, draft, entries, stakeholders }: MarkdownExportInput,
  style: PlaybackStyle,
): string[] {
  const esc = style.escape;
  const { content, meta } = draft;
  const shareable = new Map(entries.filter((e) => !e.archived && !e.internalOnly).map((e) => [e.id, e]));
  const people = new Map(stakeholders.map((s) => [s.id, s]));
  const shows = (ids: readonly number[]) => ids.every((id) => shareable.has(id));
  const numbers = new EntryNumbers();
  const heard = new Set<number>();
  const out: string[] = [style.title(`Here's what we heard: ${esc(deal.accountName)}`)];
  const section = (title: string, lines: string[]) => {
    if (lines.length) out.push(...style.heading(title), ...lines);
  };

  const customerLine = (s: Statement): string | null => {
    if (!shows(s.entryIds)) return null;
    const cited = s.entryIds.map((id) => shareable.get(id)!);
    if (s.entryIds.every((id) => numbers.has(id)))
      return `${style.bullet} ${esc(strip(s.text))} (${numbers.refs(s.entryIds)})`;
    numbers.number(s.entryIds);
    const source = cited.find((e) => e.quote && s.quote && e.quote.includes(s.quote.trim()));
    const person = source?.stakeholderId != null ? people.get(source.stakeholderId) : undefined;
    if (person) heard.add(person.id);
    const unsure = cited.some((e) => e.status === 'unconfirmed');
    const said = s.quote ? `“${esc(s.quote)}”${person ? ` (${esc(person.name)})` : ''}` : esc(strip(s.text));
    const body = unsure
      ? `We heard ${s.quote ? said : `that ${lowerFirst(said)}`}. Is that right?`
      : `${said}${s.ourWords ? ' (our words; correct us)' : ''}`;
    return `${style.bullet} ${numbers.refs(s.entryIds)} ${body}`;
  };

  const customer = CUSTOMER_SECTIONS.map((key) => ({
    key,
    lines: content[key].map(customerLine).filter((l): l is string => l !== null),
  }));
  const points = content.vision.filter((v) => shows(v.entryIds));
  const header = [...heard]
    .map((id) => people.get(id)!)
    .map((p) => (p.title ? `${p.name} (${p.title})` : p.name));
  out.push(
    '',
    style.italic(
      `${esc(deal.dealName)}, version ${version}${header.length ? `, from what ${esc(header.join(', '))} told us` : ''}.`,
    ),
  );
  for (const { key, lines } of customer) section(SECTION_TITLES[key], lines);

  // Each point is its reasoning chain, by entry number: the future and how we got there, in one sentence.
  const steps = new Map<string, number>();
  section(
    VISION_EXPORT_TITLE,
    points.map((v, i) => {
      if (!v.reasoning)
        return `${i + 1}. ${esc(strip(v.text))}, because you told us ${numbers.refs(v.entryIds)}.`;
      const key = `${v.reasoning.respectIds.join()}|${v.reasoning.firstStep}`;
      const same = v.reasoning.firstStep ? steps.get(key) : undefined;
      if (v.reasoning.firstStep && same === undefined) steps.set(key, i + 1);
      const r = {
        ...v.reasoning,
        future: esc(strip(v.reasoning.future)),
        firstStep: same === undefined ? v.reasoning.firstStep && esc(v.reasoning.firstStep) : `as in ${same}`,
      };
      return `${i + 1}. ${reasoningSentence(r, numbers.refs)}`;
    }),
  );

  const perspective = (content.perspective ?? []).filter((s) => s.entryIds.every((id) => shareable.has(id)));
  if (perspective.length > 0) {
    section(
      PERSPECTIVE_TITLE,
      perspective.map((s) => {
        const theirs = s.entryIds.filter((id) => shareable.get(id)?.kind !== 'proposal' && numbers.has(id));
        return `${style.bullet} ${esc(strip(s.text))}${theirs.length ? `, for ${numbers.refs(theirs)}` : ''}.`;
      }),
    );
  } else if ((content.learnFirst ?? []).length > 0) {
    section('Before we suggest anything', [
      `We would first like to learn ${esc((content.learnFirst ?? []).join('; '))}.`,
    ]);
  }

  section(
    'Questions to explore with you',
    exportQuestions(content, shareable).map((q) => `${style.bullet} ${esc(q.text)}`),
  );
  out.push(
    '',
    meta.provider === 'offline'
      ? style.italic(
          'Drafted without AI from our notes. Wrong or missing? Tell us: this is your picture, not ours.',
        )
      : style.italic(
          `Drafted with AI (${esc(meta.model)}) from our notes. Wrong or missing? Tell us: this is your picture, not ours.`,
        ),
    '',
  );
  return out;
}

function exportQuestions(content: DraftContent, shareable: ReadonlyMap<number, Entry>) {
  return content.questions
    .filter((q) => q.entryIds.every((id) => shareable.has(id)))
    .slice(0, EXPORT_QUESTIONS_MAX);
}

const lowerFirst = (text: string) =>
  /^[A-Z][a-z]/.test(text) ? `${text[0]!.toLowerCase()}${text.slice(1)}` : text;
