import type { Entry } from '../entries.js';
import { shareableEntries } from '../privacy/internal-only.js';
import {
  type CandidateDraft,
  type CandidateStatement,
  checkCitations,
  describeProblem,
} from './citations.js';
import type { DraftResult } from './draft.js';
import { gapQuestions } from './gaps.js';
import type { DraftInput } from './input.js';
import { listeningCheck } from './listening-check.js';
import { confirmedDrivers, learnFirst, perspectiveEarned } from './perspective.js';
import { hasQuote, rankEntries } from './select-entries.js';
import { offlineVisionPoints } from './vision-points.js';

export const OFFLINE_MODEL = 'offline-v1';
export const OFFLINE_LABEL = 'Drafted without AI (offline)';
const PERSPECTIVE_MAX = 1;

const fromEntry = (entry: Entry): CandidateStatement => ({
  text: entry.statement,
  entryIds: [entry.id],
  quote: hasQuote(entry) ? entry.quote : null,
});

/** Our proposals, offered as what we have seen elsewhere and tied to the confirmed drivers they answer. */
function offlinePerspective(entries: readonly Entry[], ranked: readonly Entry[]): CandidateStatement[] {
  if (!perspectiveEarned(entries)) return [];
  const drivers = confirmedDrivers(entries).map((d) => d.id);
  return ranked
    .filter((e) => e.kind === 'proposal')
    .slice(0, PERSPECTIVE_MAX)
    .map((p) => ({ text: p.statement, entryIds: [p.id, ...drivers], quote: null }));
}

/**
 * The deterministic drafter: no network, no model. Each shareable customer entry appears once, in its
 * section (quote verbatim); vision points carry their reasoning (drivers, success factor, what must hold, a
 * first step that fits); our perspective appears only once two drivers are confirmed; tensions and gaps
 * become questions. Internal-only entries feed the private listening check only. Pure: same input, same draft.
 */
export function draftOffline(input: DraftInput, fallbackReason: string | null = null): DraftResult {
  const ranked = rankEntries(shareableEntries(input.entries));
  const of = (...kinds: Entry['kind'][]) => ranked.filter((e) => kinds.includes(e.kind));

  const candidate: CandidateDraft = {
    today: [],
    drivers: of('driver', 'initiative').map(fromEntry),
    successFactors: of('success_factor').map(fromEntry),
    constraints: of('constraint', 'risk').map(fromEntry),
    vision: offlineVisionPoints(ranked),
    perspective: offlinePerspective(input.entries, ranked),
    questions: gapQuestions(input.entries, input.stakeholders),
  };
  const checked = checkCitations(
    candidate,
    input.entries,
    input.stakeholders,
    listeningCheck(input.entries, input.stakeholders),
  );
  checked.content.learnFirst = learnFirst(input.entries);
  return {
    content: checked.content,
    unverified: checked.unverified,
    meta: {
      provider: 'offline',
      model: OFFLINE_MODEL,
      promptTokens: 0,
      completionTokens: 0,
      usageEstimated: false,
      latencyMs: 0,
      leftOut: 0,
      fallbackReason,
      citationProblems: checked.problems.map(describeProblem),
    },
  };
}
