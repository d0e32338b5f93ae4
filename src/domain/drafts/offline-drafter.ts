import { CONSTRAINT_CATEGORY_LABELS, type Entry } from '../entries.js';
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
import { hasQuote, rankEntries } from './select-entries.js';

export const OFFLINE_MODEL = 'offline-v1';
export const OFFLINE_LABEL = 'Drafted without AI (offline)';
const TODAY_MAX = 3;
const VISION_ITEMS = 3;

const fromEntry = (entry: Entry, text = entry.statement): CandidateStatement => ({
  text,
  entryIds: [entry.id],
  quote: hasQuote(entry) ? entry.quote : null,
});

function constraintText(entry: Entry): string {
  if (entry.kind === 'risk') return `Risk: ${entry.statement}`;
  const category = entry.constraintCategory ? CONSTRAINT_CATEGORY_LABELS[entry.constraintCategory] : null;
  return category ? `${category}: ${entry.statement}` : entry.statement;
}

function visionPoint(lead: string, entries: Entry[]): CandidateStatement[] {
  const top = entries.slice(0, VISION_ITEMS);
  if (top.length === 0) return [];
  return [
    {
      text: `${lead} ${top.map((e) => e.statement).join('; ')}.`,
      entryIds: top.map((e) => e.id),
      quote: null,
    },
  ];
}

/**
 * The deterministic drafter: no network, no model. Every section is built from the entries themselves
 * (quotes verbatim, our summaries marked as our words), gaps become questions, and the vision only restates
 * the customer's drivers, success factors and constraints. Pure: same input, same draft.
 */
export function draftOffline(input: DraftInput, fallbackReason: string | null = null): DraftResult {
  const ranked = rankEntries(input.entries);
  const of = (...kinds: Entry['kind'][]) => ranked.filter((e) => kinds.includes(e.kind));
  const drivers = of('driver');
  const quotedPains = [...drivers, ...of('risk')].filter(hasQuote);

  const candidate: CandidateDraft = {
    today: (quotedPains.length > 0 ? quotedPains : drivers).slice(0, TODAY_MAX).map((e) => fromEntry(e)),
    drivers: [
      ...drivers,
      ...of('initiative').map((e) => ({ ...e, statement: `Initiative: ${e.statement}` })),
    ].map((e) => fromEntry(e)),
    successFactors: of('success_factor').map((e) => fromEntry(e)),
    constraints: of('constraint', 'risk').map((e) => fromEntry(e, constraintText(e))),
    vision: [
      ...visionPoint('Starting from where you are today:', drivers),
      ...visionPoint('Success, in your terms, would mean:', of('success_factor')),
      ...visionPoint('Any path has to respect:', of('constraint', 'risk')),
    ],
    questions: gapQuestions(input.entries, input.stakeholders),
  };
  const checked = checkCitations(
    candidate,
    input.entries,
    input.stakeholders,
    listeningCheck(input.entries, input.stakeholders),
  );
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
