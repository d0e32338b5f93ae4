import { z } from 'zod';
import { CONSTRAINT_CATEGORIES, ENTRY_KINDS, ENTRY_STATUSES, PRIORITIES, SEVERITIES } from './entries.js';
import { BUYING_ROLES } from './stakeholders.js';

/** Field limits shared by every way of capturing an entry (modal, shortcut, recap confirmation). */
export const ENTRY_INPUT_LIMITS = {
  statement: 300,
  quote: 3_000,
  stakeholderName: 80,
  stakeholderTitle: 80,
  source: 500,
} as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Pick a date.');

/**
 * What a person submits to capture one entry. Validation that needs context (the date "today", whether the
 * stakeholder exists in this deal) happens in the capture service.
 */
export const entryInputSchema = z
  .object({
    kind: z.enum(ENTRY_KINDS),
    statement: z
      .string({ message: 'Say it in one line.' })
      .trim()
      .min(3, 'Say it in one line (at least 3 characters).')
      .max(ENTRY_INPUT_LIMITS.statement, `Keep it under ${ENTRY_INPUT_LIMITS.statement} characters.`),
    quote: z
      .string()
      .trim()
      .max(ENTRY_INPUT_LIMITS.quote, `Quotes are limited to ${ENTRY_INPUT_LIMITS.quote} characters.`)
      .nullable(),
    stakeholderId: z.number().int().positive().nullable(),
    stakeholderName: z
      .string()
      .trim()
      .max(
        ENTRY_INPUT_LIMITS.stakeholderName,
        `Names are limited to ${ENTRY_INPUT_LIMITS.stakeholderName} characters.`,
      )
      .nullable(),
    stakeholderTitle: z.string().trim().max(ENTRY_INPUT_LIMITS.stakeholderTitle).nullable(),
    stakeholderRole: z.enum(BUYING_ROLES).nullable(),
    source: z.string().trim().max(ENTRY_INPUT_LIMITS.source).nullable(),
    saidOn: isoDate.nullable(),
    priority: z.enum(PRIORITIES),
    status: z.enum(ENTRY_STATUSES),
    constraintCategory: z.enum(CONSTRAINT_CATEGORIES).nullable(),
    severity: z.enum(SEVERITIES).nullable(),
  })
  .superRefine((input, ctx) => {
    if (input.quote && !input.stakeholderId && !input.stakeholderName) {
      ctx.addIssue({
        code: 'custom',
        path: ['stakeholderName'],
        message: 'Who said it? A quote needs a name.',
      });
    }
  })
  .transform((input) => ({
    ...input,
    // Category and severity only mean something for constraints.
    constraintCategory: input.kind === 'constraint' ? (input.constraintCategory ?? 'other') : null,
    severity: input.kind === 'constraint' ? (input.severity ?? 'medium') : null,
  }));

export type EntryInput = z.output<typeof entryInputSchema>;

/** Dates in the future cannot be when something was said; `today` is YYYY-MM-DD in the user's time zone. */
export function saidOnProblem(saidOn: string | null, today: string): string | null {
  return saidOn !== null && saidOn > today ? 'That date is in the future. When did they say it?' : null;
}
