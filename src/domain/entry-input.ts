import { z } from 'zod';
import {
  CONSTRAINT_CATEGORIES,
  ENTRY_KINDS,
  ENTRY_STATUSES,
  type EntryKind,
  PRIORITIES,
  SEVERITIES,
} from './entries.js';
import { BUYING_ROLES } from './stakeholders.js';
import { parseLocalDate } from './time/zoned-time.js';

/** Field limits shared by every way of capturing an entry (modal, shortcut, recap confirmation). */
export const ENTRY_INPUT_LIMITS = {
  statement: 300,
  quote: 3_000,
  stakeholderName: 80,
  stakeholderTitle: 80,
  source: 500,
} as const;

const isoDate = z.string().refine((text) => parseLocalDate(text) !== null, 'Pick a real date.');

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
    /** Never shown to the customer; absent means shareable. */
    internalOnly: z.boolean().default(false),
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

const HOUR_MS = 3_600_000;

/**
 * Whether `saidOn` is in the past or the future whatever the user's time zone (UTC-12 to UTC+14), or whether
 * the answer depends on it: only then does the app need to look the user's zone up.
 */
export function saidOnAnywhere(saidOn: string, now: Date): 'not_future' | 'future' | 'depends_on_zone' {
  const earliestToday = new Date(now.getTime() - 12 * HOUR_MS).toISOString().slice(0, 10);
  const latestToday = new Date(now.getTime() + 14 * HOUR_MS).toISOString().slice(0, 10);
  if (saidOn <= earliestToday) return 'not_future';
  if (saidOn > latestToday) return 'future';
  return 'depends_on_zone';
}

const KIND_ALIASES: Record<string, EntryKind> = {
  driver: 'driver',
  business_driver: 'driver',
  pain: 'driver',
  initiative: 'initiative',
  project: 'initiative',
  success: 'success_factor',
  success_factor: 'success_factor',
  critical_success_factor: 'success_factor',
  csf: 'success_factor',
  factor: 'success_factor',
  constraint: 'constraint',
  limit: 'constraint',
  risk: 'risk',
  proposal: 'proposal',
  prescription: 'proposal',
  ours: 'proposal',
};

/** Every word `parseEntryKind` understands (singular forms), for "did you mean" suggestions. */
export const ENTRY_KIND_WORDS: readonly string[] = Object.keys(KIND_ALIASES);

/**
 * The entry kind a person typed: "drivers", "Success factors", "CSF", "constraints", "success-factor"...
 * Null when it is not a kind.
 */
export function parseEntryKind(text: string): EntryKind | null {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '_');
  if (key === '') return null;
  for (const candidate of [key, key.replace(/s$/, ''), key.replace(/es$/, '')]) {
    const kind = KIND_ALIASES[candidate];
    if (kind) return kind;
  }
  return null;
}

const QUOTE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['"', '"'],
  ['\u201c', '\u201d'],
  ['\u201e', '\u201c'],
  ['\u00ab', '\u00bb'],
];

/**
 * Where text typed after `/vision driver` goes in the modal. Text wrapped in quotation marks ("...", “...”,
 * «...») is the customer's words: it goes, without the marks, into the quote field. Anything else is our
 * summary and goes into the one-line statement, shortened on a word boundary if it is longer than a line
 * (a long unquoted text is not a one-liner, and putting our words in the quote field would misattribute them).
 */
export function prefillFromText(text: string): { statement?: string; quote?: string } {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  for (const [open, close] of QUOTE_PAIRS) {
    if (trimmed.length > 2 && trimmed.startsWith(open) && trimmed.endsWith(close)) {
      const inner = trimmed.slice(open.length, trimmed.length - close.length).trim();
      if (inner !== '') return { quote: inner.slice(0, ENTRY_INPUT_LIMITS.quote) };
    }
  }
  return { statement: shorten(trimmed, ENTRY_INPUT_LIMITS.statement) };
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.7 ? cut.slice(0, space) : cut}\u2026`;
}
