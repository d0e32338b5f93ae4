import type { Entry } from '../entries.js';
import { SENTENCE_END, trimEndOf } from '../text/trim-end.js';
import type { CandidateStatement } from './citations.js';
import type { VisionReasoning } from './draft.js';
import { hashRefs, reasoningSentence } from './reasoning-text.js';

/** At most this many vision points: a short document the customer reads to the end. */
export const VISION_POINTS_MAX = 2;

const STOP = new Set(
  'the a an and or of to in on for by with we our you your is are be it that this at from as per every each'.split(
    ' ',
  ),
);
const contentWords = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}%]+/u)
      .filter((w) => w.length > 2 && !STOP.has(w)),
  );
const overlap = (a: Entry, b: Entry) => {
  const wa = contentWords(`${a.statement} ${a.quote ?? ''}`);
  let n = 0;
  for (const w of contentWords(`${b.statement} ${b.quote ?? ''}`)) if (wa.has(w)) n++;
  return n;
};

/** A first step sized to what they told us they cannot do; no product, no pitch. */
export function firstStepFor(respect: Entry | undefined): string {
  if (!respect) return 'agree together how to measure where you are today, before anything is bought';
  if (respect.kind === 'risk') return 'a small, reversible step you judge before committing more';
  switch (respect.constraintCategory) {
    case 'budget':
      return 'a scoping that needs no new spend, ready for when budget opens';
    case 'timing':
      return 'a step sized to fit that timing';
    case 'resources':
      return "a step that asks little of your team's time";
    case 'technical':
      return 'checking the technical fit with your team before anything else';
    case 'policy_legal':
      return 'a review against that policy before anything else';
    default:
      return 'a small step that stays within that limit';
  }
}

const lowerFirst = (text: string) =>
  /^[A-Z][a-z]/.test(text) ? `${text[0]!.toLowerCase()}${text.slice(1)}` : text;
const withoutStop = (text: string) => trimEndOf(text, SENTENCE_END);

const SEVERITY = { high: 2, medium: 1, low: 0 } as const;
const weight = (e: Entry) =>
  (e.severity ? SEVERITY[e.severity] : 0) + SEVERITY[e.priority] + (e.kind === 'constraint' ? 1 : 0);

/**
 * Offline vision points with visible reasoning: one per success factor (the most valuable first), answering
 * the drivers that share its words (or the top driver), respecting the heaviest constraint or risk, with a
 * first step that fits it. No success factor or no driver: no point (we cannot describe a future they have not
 * told us how to judge); the questions ask for it instead. `ranked` holds shareable entries, most valuable first.
 */
export function offlineVisionPoints(ranked: readonly Entry[]): CandidateStatement[] {
  const drivers = ranked.filter((e) => e.kind === 'driver' || e.kind === 'initiative');
  const factors = ranked.filter((e) => e.kind === 'success_factor');
  const limits = ranked.filter((e) => e.kind === 'constraint' || e.kind === 'risk');
  const respect = [...limits].sort((a, b) => weight(b) - weight(a))[0];
  if (drivers.length === 0) return [];
  const chosen = factors.slice(0, VISION_POINTS_MAX);
  const relatedTo = new Map(
    chosen.map((f) => [f.id, drivers.filter((d) => d.kind === 'driver' && overlap(d, f) > 0).slice(0, 2)]),
  );
  const claimed = new Set([...relatedTo.values()].flat().map((d) => d.id));
  const unclaimed = drivers.filter((d) => !claimed.has(d.id));
  return chosen.map((factor) => {
    const related = relatedTo.get(factor.id) ?? [];
    // No shared words: the most valuable driver no other point answers (else the most valuable driver).
    const answered = related.length ? related : [unclaimed.shift() ?? drivers[0]!];
    const reasoning: VisionReasoning = {
      future: lowerFirst(withoutStop(factor.statement)),
      driverIds: answered.map((d) => d.id),
      successIds: [factor.id],
      respectIds: respect ? [respect.id] : [],
      firstStep: firstStepFor(respect),
    };
    return { text: reasoningSentence(reasoning, hashRefs), entryIds: [], quote: null, reasoning };
  });
}
