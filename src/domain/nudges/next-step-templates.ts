import type { ConstraintCategory, Entry } from '../entries.js';
import { clip } from './labels.js';

/**
 * Offline wording of the suggested next step. Every text opens with a listen-first question and never pitches:
 * it asks about the customer's situation in their own terms.
 */

export const QUOTE_MAX = 60;

/** Their verbatim words in quotes when we have them; else our summary, marked as such. */
export function customerWords(entry: Entry): string {
  if (entry.quote?.trim()) return `"${clip(entry.quote, QUOTE_MAX)}"`;
  return `their point that ${clip(lowerFirst(entry.statement), QUOTE_MAX)}`;
}

function lowerFirst(text: string): string {
  const trimmed = text.trim();
  return /^[A-Z][a-z]/.test(trimmed) ? trimmed[0]!.toLowerCase() + trimmed.slice(1) : trimmed;
}

export function listenFirst(who: string, since: string): string {
  return `Ask ${who} what changed since ${since}.`;
}

/** Status quo (JOLT): the cost of inaction, from their own drivers (up to two). */
export function statusQuoText(opening: string, driver: Entry, also?: Entry): string {
  const second = also ? ` and ${customerWords(also)}` : '';
  return `${opening} Then ask what waiting costs them, starting from ${customerWords(driver)}${second}.`;
}

/** A risk-reducing option that fits the kind of worry, phrased as a question to the customer. */
const RISK_REDUCERS: Record<ConstraintCategory | 'risk_entry', string> = {
  budget: 'whether a smaller first step would fit their budget',
  timing: 'whether a smaller first step or a phased start would fit their timing',
  risk: 'whether a pilot, references from similar customers or an exit clause would lower that risk',
  resources: 'whether a smaller first step would ease the load on their team',
  technical: 'whether a limited pilot would answer the technical doubt',
  policy_legal: 'whether guarantees or an exit clause would address it',
  other: 'whether a smaller first step, references or a guarantee would help',
  risk_entry: 'whether a pilot, references from similar customers or a guarantee would lower that risk',
};

export function riskReducer(entry: Entry): string {
  if (entry.kind === 'risk') return RISK_REDUCERS.risk_entry;
  return RISK_REDUCERS[entry.constraintCategory ?? 'other'];
}

/**
 * Indecision (JOLT): fear of a wrong choice. Listen to the worry, then offer your recommendation, narrow the
 * options, and lower their risk. `risk` is null when the weightiest worry is internal-only (never quoted).
 */
export function indecisionText(who: string, since: string, risk: Entry | null, othersCount: number): string {
  const more = othersCount > 0 ? ` (and ${othersCount} more concern${othersCount === 1 ? '' : 's'})` : '';
  const about = risk ? ` about ${customerWords(risk)}${more}` : '';
  const reducer = risk ? riskReducer(risk) : RISK_REDUCERS.risk_entry;
  return `Ask ${who} what changed since ${since} and what worries them most${about}. Offer your recommendation and narrow the options to one or two; then ask ${reducer}.`;
}

export function overdueText(who: string, dueLabel: string): string {
  return `Ask ${who} what changed since the ${dueLabel} due date, and what a realistic date looks like for them now.`;
}

export function unclearText(opening: string, urgentDriver: Entry | null): string {
  if (urgentDriver) {
    return `${opening} Then ask what stands between them and a decision, given ${customerWords(urgentDriver)}.`;
  }
  return `${opening} Then ask what would need to be true for this decision to matter now; no business driver is logged yet.`;
}
