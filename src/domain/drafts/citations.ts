import type { Entry, EntryKind } from '../entries.js';
import type { Stakeholder } from '../stakeholders.js';
import { attributeStatement, citableEntries, findQuoteSource, stakeholderMap } from './attribution.js';
import {
  type CitedSection,
  CUSTOMER_SECTIONS,
  type DraftContent,
  emptyContent,
  FACT_SECTIONS,
  type FactSection,
  type ListeningItem,
  type Question,
  type SpinKind,
  type Statement,
  type UnverifiedStatement,
  type VisionReasoning,
} from './draft.js';
import { perspectiveEarned } from './perspective.js';

/** What a drafter (LLM or other) proposes before the app checks it: no attribution, nothing trusted. */
export interface CandidateStatement {
  text: string;
  entryIds: number[];
  quote: string | null;
  /** Vision points: the reasoning chain; its ids are checked like citations. */
  reasoning?: VisionReasoning | null;
}
export interface CandidateQuestion {
  text: string;
  spin: SpinKind;
  entryIds: number[];
}
export type CandidateDraft = Record<FactSection, CandidateStatement[]> & {
  questions: CandidateQuestion[];
  /** "What we have seen elsewhere": may cite proposals, kept only once the perspective is earned. */
  perspective?: CandidateStatement[];
};

export type CitationProblemKind =
  | 'no_citation'
  | 'unknown_id'
  | 'proposal_as_customer'
  | 'internal_only'
  | 'reasoning_kind'
  | 'perspective_not_earned'
  | 'quote_not_verbatim'
  | 'question_unknown_id';

export interface CitationProblem {
  kind: CitationProblemKind;
  section: CitedSection | 'questions';
  text: string;
  entryIds: number[];
}

export interface CitationCheck {
  content: DraftContent;
  unverified: UnverifiedStatement[];
  problems: CitationProblem[];
}

/** Which kinds may fill each role of a vision point's reasoning. */
const REASONING_KINDS: Record<'driverIds' | 'successIds' | 'respectIds', readonly EntryKind[]> = {
  driverIds: ['driver', 'initiative'],
  successIds: ['success_factor'],
  respectIds: ['constraint', 'risk'],
};

const unique = (ids: readonly number[]) => [...new Set(ids)];

function reasoningIds(s: CandidateStatement): number[] {
  const r = s.reasoning;
  return unique([...s.entryIds, ...(r ? [...r.driverIds, ...r.successIds, ...r.respectIds] : [])]);
}

/** The reasoning with every id in the role its entry's kind allows; false when a role holds a wrong kind. */
function checkReasoning(
  reasoning: VisionReasoning,
  known: ReadonlyMap<number, Entry>,
): { reasoning: VisionReasoning; ok: boolean } {
  let ok = true;
  const keep = (role: keyof typeof REASONING_KINDS) =>
    unique(reasoning[role]).filter((id) => {
      const fits = REASONING_KINDS[role].includes(known.get(id)?.kind as EntryKind);
      if (!fits) ok = false;
      return fits;
    });
  return {
    reasoning: {
      future: reasoning.future.trim(),
      driverIds: keep('driverIds'),
      successIds: keep('successIds'),
      respectIds: keep('respectIds'),
      firstStep: reasoning.firstStep?.trim() || null,
    },
    ok,
  };
}

/**
 * Checks every statement's citations against the deal's entries.
 * - citing nothing, or any id that is not a live entry of the deal: not posted as fact, moved to `unverified`;
 * - citing an internal-only entry anywhere: refused outright (it must never reach the customer);
 * - citing a proposal in a customer section or the vision (reasoning included): refused (our pitch in their
 *   mouth); a reasoning role holding the wrong kind (a constraint as a driver) is dropped from that role;
 * - "what we have seen elsewhere" before two customer drivers are confirmed: refused (not earned yet);
 * - a quote that is not verbatim in a cited customer entry: the quote is dropped, the statement kept.
 * Questions about internal-only entries become private questions in the listening check (rep only).
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
  const customerOnly = new Set<CitedSection>([...CUSTOMER_SECTIONS, 'vision']);
  const earned = perspectiveEarned(entries);

  const check = (section: CitedSection, s: CandidateStatement): Statement | null => {
    const text = s.text.trim();
    if (!text) return null;
    const ids = section === 'vision' ? reasoningIds(s) : unique(s.entryIds);
    const report = (kind: CitationProblemKind) => problems.push({ kind, section, text, entryIds: ids });
    if (ids.length === 0) {
      report('no_citation');
      unverified.push({ section, text, entryIds: ids, reason: 'no_citation' });
      return null;
    }
    if (ids.some((id) => !known.has(id))) {
      report('unknown_id');
      unverified.push({ section, text, entryIds: ids, reason: 'unknown_id' });
      return null;
    }
    const cited = ids.map((id) => known.get(id)!);
    if (cited.some((e) => e.internalOnly)) {
      report('internal_only');
      return null;
    }
    if (customerOnly.has(section) && cited.some((e) => e.kind === 'proposal')) {
      report('proposal_as_customer');
      return null;
    }
    if (section === 'perspective' && !earned) {
      report('perspective_not_earned');
      return null;
    }
    if (s.quote && !findQuoteSource(s.quote, cited)) report('quote_not_verbatim');
    const statement = attributeStatement(text, cited, s.quote, people);
    if (section === 'vision' && s.reasoning) {
      const checked = checkReasoning(s.reasoning, known);
      if (!checked.ok) report('reasoning_kind');
      statement.reasoning = checked.reasoning;
    }
    return statement;
  };

  for (const section of FACT_SECTIONS) {
    for (const s of candidate[section]) {
      const kept = check(section, s);
      if (kept) content[section].push(kept);
    }
  }
  content.perspective = (candidate.perspective ?? []).flatMap((s) => {
    const kept = check('perspective', s);
    return kept ? [kept] : [];
  });

  const privateQuestions: ListeningItem[] = [];
  content.questions = candidate.questions.flatMap((q): Question[] => {
    const text = q.text.trim();
    if (!text) return [];
    const kept = unique(q.entryIds).filter((id) => known.has(id));
    if (kept.length !== new Set(q.entryIds).size) {
      problems.push({ kind: 'question_unknown_id', section: 'questions', text, entryIds: q.entryIds });
    }
    if (kept.some((id) => known.get(id)?.internalOnly)) {
      privateQuestions.push({ kind: 'private_question', text, entryIds: kept, stakeholderId: null });
      return [];
    }
    return [{ text, spin: q.spin, entryIds: kept }];
  });
  content.listeningCheck = [...listeningCheck, ...privateQuestions];
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
