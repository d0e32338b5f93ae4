import { gapQuestions } from '../drafts/gaps.js';
import { confirmedDrivers, DRIVERS_BEFORE_PERSPECTIVE } from '../drafts/perspective.js';
import type { Entry } from '../entries.js';
import type { Stakeholder } from '../stakeholders.js';

// "what should we pitch?", "which module do we sell them", "what do we recommend/demo": word pairs, linear.
const PITCH_VERBS = new Set(['pitch', 'sell', 'offer', 'recommend', 'propose', 'demo', 'position', 'upsell']);
const ASKING_US = new Set(['should', 'shall', 'could', 'what', 'which', 'how']);

/** True when the team asks what to prescribe, rather than what the customer said. */
export function asksWhatToPitch(question: string): boolean {
  const words = question.toLowerCase().split(/[^a-z]+/);
  return words.some((w) => PITCH_VERBS.has(w)) && words.some((w) => ASKING_US.has(w));
}

/** Why we do not answer "what should we pitch?" yet, from the deal: how many drivers the customer confirmed. */
export function diagnoseFirstText(entries: readonly Entry[]): string {
  const confirmed = confirmedDrivers(entries).length;
  const earned = confirmed >= DRIVERS_BEFORE_PERSPECTIVE;
  return earned
    ? `Diagnose before you prescribe: the customer confirmed ${confirmed} drivers, so lead with them, and offer what you have seen elsewhere only as an answer to those drivers.`
    : `Diagnose before you prescribe: the customer has confirmed ${confirmed} of the ${DRIVERS_BEFORE_PERSPECTIVE} drivers we need before suggesting anything. Learn more first.`;
}

/** The next deepening question for the customer: the deal's first tension or gap (shareable entries only). */
export function nextDeepeningQuestion(
  entries: readonly Entry[],
  stakeholders: readonly Stakeholder[],
): string | null {
  return gapQuestions(entries, stakeholders)[0]?.text ?? null;
}
