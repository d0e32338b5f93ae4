import { z } from 'zod';

/** The customer-side sections a statement can live in; proposals may never be cited in these. */
export const CUSTOMER_SECTIONS = ['today', 'drivers', 'successFactors', 'constraints'] as const;
export type CustomerSection = (typeof CUSTOMER_SECTIONS)[number];
export const FACT_SECTIONS = [...CUSTOMER_SECTIONS, 'vision'] as const;
/** Fact sections plus our own perspective, the one place a proposal may be cited. */
export const CITED_SECTIONS = [...FACT_SECTIONS, 'perspective'] as const;
export type CitedSection = (typeof CITED_SECTIONS)[number];
export const PERSPECTIVE_TITLE = 'What we have seen elsewhere';
export type FactSection = (typeof FACT_SECTIONS)[number];

export const SECTION_TITLES: Record<FactSection, string> = {
  today: 'Where you are today',
  drivers: "What's driving this",
  successFactors: "How you'll know it worked",
  constraints: 'What we must respect',
  vision: 'The future we see together',
};

export const SPIN_KINDS = ['situation', 'problem', 'implication', 'need_payoff'] as const;
export type SpinKind = (typeof SPIN_KINDS)[number];

export const entryIdsSchema = z.array(z.number().int().positive());

/**
 * Why a vision point holds, in entry ids: the driver(s) it answers, the success factor it is judged by, the
 * constraint or risk it respects, and a first step that fits that constraint. `future` is the future state
 * in the customer's terms. Rendered in the second person ("Because you told us …").
 */
export const visionReasoningSchema = z.object({
  future: z.string().trim().min(1).max(1_000),
  driverIds: entryIdsSchema,
  successIds: entryIdsSchema,
  respectIds: entryIdsSchema,
  firstStep: z.string().max(1_000).nullable(),
});
export type VisionReasoning = z.infer<typeof visionReasoningSchema>;

/** One statement of the draft. `quote` is the customer's verbatim words; `speaker` is derived, never trusted. */
export const statementSchema = z.object({
  text: z.string().trim().min(1).max(2_000),
  entryIds: entryIdsSchema,
  quote: z.string().max(2_000).nullable(),
  /** Name (and title) of who said the quote, filled in from the cited entry. */
  speaker: z.string().nullable(),
  /** True when no cited entry carries a customer quote: our words, not theirs. */
  ourWords: z.boolean(),
  /** Vision points only: the reasoning chain (absent in versions drafted before it existed). */
  reasoning: visionReasoningSchema.nullable().optional(),
});
export type Statement = z.infer<typeof statementSchema>;

export const questionSchema = z.object({
  text: z.string().trim().min(1).max(1_000),
  spin: z.enum(SPIN_KINDS),
  /** The entries the question is about (may be empty: a question about something missing). */
  entryIds: entryIdsSchema,
});
export type Question = z.infer<typeof questionSchema>;

export const LISTENING_KINDS = [
  'proposal_before_driver',
  'our_words',
  'unconfirmed',
  'silent_stakeholder',
  /** A question built from an internal-only entry: for the rep to ask with care, never posted in a channel. */
  'private_question',
] as const;
export type ListeningKind = (typeof LISTENING_KINDS)[number];

export const listeningItemSchema = z.object({
  kind: z.enum(LISTENING_KINDS),
  text: z.string().min(1),
  entryIds: entryIdsSchema,
  stakeholderId: z.number().int().nullable(),
});
export type ListeningItem = z.infer<typeof listeningItemSchema>;

export const draftContentSchema = z.object({
  today: z.array(statementSchema),
  drivers: z.array(statementSchema),
  successFactors: z.array(statementSchema),
  constraints: z.array(statementSchema),
  /** Vision points; their entryIds are "how we got here". */
  vision: z.array(statementSchema),
  questions: z.array(questionSchema),
  listeningCheck: z.array(listeningItemSchema),
  /**
   * "What we have seen elsewhere": our perspective (proposals, experience), only once two customer drivers are
   * confirmed. Optional: versions drafted before it existed have none.
   */
  perspective: z.array(statementSchema).optional(),
  /** Before the perspective is earned: what we must learn first (plain sentences, no user text). */
  learnFirst: z.array(z.string()).optional(),
});
export type DraftContent = z.infer<typeof draftContentSchema>;

export const UNVERIFIED_REASONS = ['no_citation', 'unknown_id'] as const;
export type UnverifiedReason = (typeof UNVERIFIED_REASONS)[number];

/** A statement that cannot be posted as fact; shown to the rep under "unverified" only. */
export const unverifiedSchema = z.object({
  section: z.enum(CITED_SECTIONS),
  text: z.string(),
  entryIds: z.array(z.number()),
  reason: z.enum(UNVERIFIED_REASONS),
});
export type UnverifiedStatement = z.infer<typeof unverifiedSchema>;

export const PROVIDER_NAMES = ['openai', 'offline'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

export const draftMetaSchema = z.object({
  provider: z.enum(PROVIDER_NAMES),
  model: z.string(),
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  /** True when the server sent no usage and the numbers were counted locally. */
  usageEstimated: z.boolean(),
  latencyMs: z.number().nonnegative(),
  /** Entries not shown to the model because of the prompt budget. */
  leftOut: z.number().int().nonnegative(),
  /** Why the offline drafter was used instead of the LLM (null when it was not a fallback). */
  fallbackReason: z.string().nullable(),
  /** Citation problems found and handled (refused or moved to unverified). */
  citationProblems: z.array(z.string()),
});
export type DraftMeta = z.infer<typeof draftMetaSchema>;

export const draftResultSchema = z.object({
  content: draftContentSchema,
  unverified: z.array(unverifiedSchema),
  meta: draftMetaSchema,
});
export type DraftResult = z.infer<typeof draftResultSchema>;

/** All entry ids a draft rests on (fact sections, questions, listening check), sorted and unique. */
export function collectCitations(content: DraftContent): number[] {
  const ids = new Set<number>();
  for (const section of FACT_SECTIONS)
    for (const s of content[section]) for (const id of s.entryIds) ids.add(id);
  for (const s of content.perspective ?? []) for (const id of s.entryIds) ids.add(id);
  for (const q of content.questions) for (const id of q.entryIds) ids.add(id);
  for (const l of content.listeningCheck) for (const id of l.entryIds) ids.add(id);
  return [...ids].sort((a, b) => a - b);
}

export function emptyContent(): DraftContent {
  return {
    today: [],
    drivers: [],
    successFactors: [],
    constraints: [],
    vision: [],
    questions: [],
    listeningCheck: [],
    perspective: [],
    learnFirst: [],
  };
}
