import type { Deal } from '../deals.js';
import type { DraftContent, Statement } from '../drafts/draft.js';
import { renderMarkdown } from '../drafts/render-markdown.js';
import type { DraftVersion } from '../drafts/version.js';
import type { Entry } from '../entries.js';
import type { Stakeholder } from '../stakeholders.js';

/** Entries flagged internal-only (a personal fear, someone's standing) never leave the app. */
export function isInternalOnly(entry: Pick<Entry, 'internalOnly'>): boolean {
  return entry.internalOnly;
}

const keep = (internal: ReadonlySet<number>) => (s: Pick<Statement, 'entryIds'>) =>
  !s.entryIds.some((id) => internal.has(id));

/** The draft without any statement, vision point or question that rests on an internal-only entry. */
export function customerContent(content: DraftContent, internal: ReadonlySet<number>): DraftContent {
  const ok = keep(internal);
  return {
    today: content.today.filter(ok),
    drivers: content.drivers.filter(ok),
    successFactors: content.successFactors.filter(ok),
    constraints: content.constraints.filter(ok),
    vision: content.vision.filter(ok),
    questions: content.questions.filter(ok),
    listeningCheck: [],
  };
}

/** The customer-readable shared vision as Markdown, for the CRM note. */
export function crmNoteMarkdown(args: {
  deal: Pick<Deal, 'accountName' | 'dealName' | 'stage'>;
  version: DraftVersion;
  entries: readonly Entry[];
  stakeholders: readonly Stakeholder[];
}): string {
  const internal = new Set(args.entries.filter(isInternalOnly).map((e) => e.id));
  return renderMarkdown({
    deal: args.deal,
    version: args.version.version,
    draft: {
      content: customerContent(args.version.content, internal),
      meta: {
        provider: args.version.provider === 'edited' ? 'offline' : args.version.provider,
        model: args.version.model,
        promptTokens: args.version.promptTokens,
        completionTokens: args.version.completionTokens,
        usageEstimated: args.version.usageEstimated,
        latencyMs: args.version.latencyMs,
        leftOut: args.version.leftOut,
        fallbackReason: null,
        citationProblems: [],
      },
    },
    entries: args.entries.filter((e) => !internal.has(e.id)),
    stakeholders: args.stakeholders,
  });
}

const dropMarkdownEscapes = (line: string) => line.replace(/\\([\\`*_[\]|#~])/g, '$1');

/**
 * The Markdown above as the small HTML both CRMs render in notes. The Markdown is already inert (angle
 * brackets and ampersands are entities), so only our own structure becomes tags.
 */
export function noteHtml(markdown: string): string {
  const out: string[] = [];
  let list: 'ul' | 'ol' | null = null;
  const close = () => {
    if (list) out.push(`</${list}>`);
    list = null;
  };
  for (const raw of markdown.split('\n')) {
    const line = raw.trimEnd();
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    const bullet = /^\s*- (.*)$/.exec(line);
    const numbered = /^\s*\d+\. (.*)$/.exec(line);
    if (heading) {
      close();
      const level = (heading[1] ?? '#').length + 1;
      out.push(`<h${level}>${dropMarkdownEscapes(heading[2] ?? '')}</h${level}>`);
    } else if (bullet || numbered) {
      const kind = bullet ? 'ul' : 'ol';
      if (list !== kind) {
        close();
        out.push(`<${kind}>`);
        list = kind;
      }
      out.push(`<li>${dropMarkdownEscapes((bullet ?? numbered)?.[1] ?? '')}</li>`);
    } else if (line === '' || line === '---') {
      close();
    } else {
      close();
      out.push(`<p>${dropMarkdownEscapes(line)}</p>`);
    }
  }
  close();
  return out.join('');
}
