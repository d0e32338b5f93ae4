import { z } from 'zod';
import type { Decision } from './decisions.js';

export const DECISION_INPUT_LIMITS = {
  title: 200,
  customerOwnerName: 80,
  outcome: 1_000,
  relatedEntries: 20,
} as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Pick a date.');

/** What a person submits to log or edit a decision the customer still has to make. */
export const decisionInputSchema = z.object({
  title: z
    .string()
    .trim()
    .min(3, 'What must they decide? (at least 3 characters)')
    .max(DECISION_INPUT_LIMITS.title, `Keep it under ${DECISION_INPUT_LIMITS.title} characters.`),
  customerOwnerId: z.number().int().positive().nullable(),
  customerOwnerName: z
    .string()
    .trim()
    .max(
      DECISION_INPUT_LIMITS.customerOwnerName,
      `Names are limited to ${DECISION_INPUT_LIMITS.customerOwnerName} characters.`,
    )
    .nullable(),
  ourOwnerUserId: z
    .string()
    .regex(/^[UW][A-Z0-9]+$/)
    .nullable(),
  dueDate: isoDate.nullable(),
  relatedEntryIds: z
    .array(z.number().int().positive())
    .max(
      DECISION_INPUT_LIMITS.relatedEntries,
      `Link at most ${DECISION_INPUT_LIMITS.relatedEntries} entries.`,
    ),
});

export type DecisionInput = z.output<typeof decisionInputSchema>;

export const decisionOutcomeSchema = z
  .string({ message: 'What did they decide?' })
  .trim()
  .min(2, 'What did they decide?')
  .max(DECISION_INPUT_LIMITS.outcome, `Keep it under ${DECISION_INPUT_LIMITS.outcome} characters.`);

/** `today` is YYYY-MM-DD in the user's time zone; a new due date cannot be before it. */
export function dueDateProblem(
  dueDate: string | null,
  today: string,
  previous?: string | null,
): string | null {
  if (dueDate === null || dueDate >= today) return null;
  // Editing other fields of an already overdue decision must not force a new date.
  if (previous && dueDate === previous) return null;
  return 'That date is in the past. When will they decide?';
}

/** An open decision whose due date is before today (YYYY-MM-DD in the viewer's zone). */
export function isOverdue(decision: Pick<Decision, 'status' | 'dueDate'>, today: string): boolean {
  return decision.status === 'open' && decision.dueDate !== null && decision.dueDate < today;
}

/** Only the deal's own entries may be linked; forged or stale ids are dropped. */
export function keepOwnEntryIds(requested: readonly number[], dealEntryIds: readonly number[]): number[] {
  const own = new Set(dealEntryIds);
  return [...new Set(requested)].filter((id) => own.has(id));
}

/** Open decisions first by due date (undated last), then by id. */
export function sortOpenDecisions<T extends Pick<Decision, 'id' | 'dueDate'>>(decisions: readonly T[]): T[] {
  return [...decisions].sort((a, b) => {
    if (a.dueDate !== b.dueDate) {
      if (a.dueDate === null) return 1;
      if (b.dueDate === null) return -1;
      return a.dueDate < b.dueDate ? -1 : 1;
    }
    return a.id - b.id;
  });
}
