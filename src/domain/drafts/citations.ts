import type { Entry } from '../entries.js';
import type { Stakeholder } from '../stakeholders.js';
import { attributeStatement, citableEntries, findQuoteSource, stakeholderMap } from './attribution.js';
import {
  CUSTOMER_SECTIONS,
  type DraftContent,
  emptyContent,
  FACT_SECTIONS,
  type FactSection,
  type ListeningItem,
  type Question,
  type SpinKind,
  type UnverifiedStatement,
} from './draft.js';

/** What a drafter (LLM or other) proposes before the app checks it: no attribution, nothing trusted. */
export interface CandidateStatement {
  text: string;
  entryIds: number[];
  quote: string | null;
}
export interface CandidateQuestion {
  text: string;
  spin: SpinKind;
  entryIds: number[];
}
export type CandidateDraft = Record<FactSection, CandidateStatement[]> & { questions: CandidateQuestion[] };

export type CitationProblemKind =
  | 'no_citation'
  | 'unknown_id'
  | 'proposal_as_customer'
  | 'quote_not_verbatim'
  | 'question_unknown_id';

export interface CitationProblem {
  kind: CitationProblemKind;
  section: FactSection | 'questions';
  text: string;
  entryIds: number[];
}

export interface CitationCheck {
  content: DraftContent;
  unverified: UnverifiedStatement[];
  problems: CitationProblem[];
}

/**
 * Checks every statement's citations against the deal's entries.
 * - citing nothing, or any id that is not a live entry of the deal: not posted as fact, moved to `unverified`;
 * - citing a proposal in a customer section or the vision: refused outright (our pitch in their mouth);
 * - a quote that is not verbatim in a cited customer entry: the quote is dropped, the statement kept.
 * The listening check is passed through: it is computed from the entries, not drafted.
 */
export function checkCitations(
  candidate: CandidateDraft,
  entries: readonly Entry[],
  stakeholders: readonly Stakeholder[],
  listeningCheck: ListeningItem[] = [],
): CitationCheck {
  const known = citableEntries(entries);
  const people = stakeholderMap(stakeholders);
  const content = emptyContent();
  const unverified: UnverifiedStatement[] = [];
  const problems: CitationProblem[] = [];
  const customerOnly = new Set<FactSection>([...CUSTOMER_SECTIONS, 'vision']);

  for (const section of FACT_SECTIONS) {
    for (const s of candidate[section]) {
      const text = s.text.trim();
      if (!text) continue;
      const ids = [...new Set(s.entryIds)];
      const report = (kind: CitationProblemKind) => problems.push({ kind, section, text, entryIds: ids });
      if (ids.length === 0) {
        report('no_citation');
        unverified.push({ section, text, entryIds: ids, reason: 'no_citation' });
        continue;
      }
      if (ids.some((id) => !known.has(id))) {
        report('unknown_id');
        unverified.push({ section, text, entryIds: ids, reason: 'unknown_id' });
        continue;
      }
      const cited = ids.map((id) => known.get(id)!);
      if (customerOnly.has(section) && cited.some((e) => e.kind === 'proposal')) {
        report('proposal_as_customer');
        continue;
      }
      if (s.quote && !findQuoteSource(s.quote, cited)) report('quote_not_verbatim');
      content[section].push(attributeStatement(text, cited, s.quote, people));
    }
  }

  content.questions = candidate.questions.flatMap((q): Question[] => {
    const text = q.text.trim();
    if (!text) return [];
    const kept = [...new Set(q.entryIds)].filter((id) => known.has(id));
    if (kept.length !== new Set(q.entryIds).size) {
      problems.push({ kind: 'question_unknown_id', section: 'questions', text, entryIds: q.entryIds });
    }
    return [{ text, spin: q.spin, entryIds: kept }];
  });
  content.listeningCheck = listeningCheck;
  return { content, unverified, problems };
}

export function describeProblem(p: CitationProblem): string {
  const ids = p.entryIds.length ? ` [${p.entryIds.map((id) => `#${id}`).join(', ')}]` : '';
  return `${p.kind} in ${p.section}${ids}`;
}

/** Number of statements posted as fact. */
export function factCount(content: DraftContent): number {
  return FACT_SECTIONS.reduce((n, section) => n + content[section].length, 0);
}
