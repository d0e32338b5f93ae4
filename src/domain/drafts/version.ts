import {
  collectCitations,
  type DraftContent,
  type DraftResult,
  FACT_SECTIONS,
  PROVIDER_NAMES,
} from './draft.js';

export const DRAFT_STATUSES = ['draft', 'shared', 'confirmed', 'corrected'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

export const DRAFT_STATUS_LABELS: Record<DraftStatus, string> = {
  draft: 'Draft',
  shared: 'Shared with customer',
  confirmed: 'Confirmed by customer',
  corrected: 'Corrected by customer',
};

/** Who wrote a version: a drafter, or a person who edited the previous version by hand. */
export const VERSION_PROVIDERS = [...PROVIDER_NAMES, 'edited'] as const;
export type VersionProvider = (typeof VERSION_PROVIDERS)[number];

/** One stored draft of a deal's shared vision. */
export interface DraftVersion {
  id: number;
  teamId: string;
  dealId: number;
  version: number;
  content: DraftContent;
  unverified: DraftResult['unverified'];
  /** The text as rendered for the customer (Markdown "Here's what we heard"). */
  renderedText: string;
  provider: VersionProvider;
  model: string;
  promptTokens: number;
  completionTokens: number;
  /** True when the server sent no usage and the numbers were counted locally. */
  usageEstimated: boolean;
  latencyMs: number;
  leftOut: number;
  fallbackReason: string | null;
  citationProblems: string[];
  /** Every entry id the draft rests on. */
  citations: number[];
  status: DraftStatus;
  createdBy: string;
  createdAt: Date;
  /** Where the version was posted: the deal channel, the parent message and its thread replies. */
  channelId: string | null;
  messageTs: string | null;
  threadTs: string | null;
  replyTs: string[];
  statusChangedBy: string | null;
  statusChangedAt: Date | null;
  /** What the customer corrected (status 'corrected'), in the rep's words. */
  statusNote: string | null;
}

export type NewDraftVersion = Omit<DraftVersion, 'id' | 'createdAt'>;

export interface DraftMessageRef {
  channelId: string;
  messageTs: string;
  threadTs: string;
  replyTs: string[];
}

export interface DraftStatusChange {
  status: DraftStatus;
  changedBy?: string;
  at?: Date;
  note?: string | null;
}

/** Another version with the same number was stored first (two drafts of one deal at the same time). */
export class DraftVersionConflictError extends Error {
  constructor(
    readonly dealId: number,
    readonly version: number,
  ) {
    super(`draft v${version} of deal ${dealId} already exists`);
    this.name = 'DraftVersionConflictError';
  }
}

export function toNewDraftVersion(
  ids: { teamId: string; dealId: number; createdBy: string; version: number },
  result: DraftResult,
  renderedText: string,
  provider: VersionProvider = result.meta.provider,
): NewDraftVersion {
  return {
    ...ids,
    content: result.content,
    unverified: result.unverified,
    renderedText,
    provider,
    model: result.meta.model,
    promptTokens: result.meta.promptTokens,
    completionTokens: result.meta.completionTokens,
    usageEstimated: result.meta.usageEstimated,
    latencyMs: result.meta.latencyMs,
    leftOut: result.meta.leftOut,
    fallbackReason: result.meta.fallbackReason,
    citationProblems: result.meta.citationProblems,
    citations: collectCitations(result.content),
    status: 'draft',
    channelId: null,
    messageTs: null,
    threadTs: null,
    replyTs: [],
    statusChangedBy: null,
    statusChangedAt: null,
    statusNote: null,
  };
}

/** Entry ids the customer saw as statements (fact sections): what a confirmation confirms. */
export function factCitations(content: DraftContent): number[] {
  const ids = new Set<number>();
  for (const section of FACT_SECTIONS)
    for (const s of content[section]) for (const id of s.entryIds) ids.add(id);
  return [...ids].sort((a, b) => a - b);
}

/** The DraftResult a stored version was made from (for re-rendering). */
export function versionAsResult(v: DraftVersion): DraftResult {
  return {
    content: v.content,
    unverified: v.unverified,
    meta: {
      provider: v.provider === 'edited' ? 'offline' : v.provider,
      model: v.model,
      promptTokens: v.promptTokens,
      completionTokens: v.completionTokens,
      usageEstimated: v.usageEstimated,
      latencyMs: v.latencyMs,
      leftOut: v.leftOut,
      fallbackReason: v.fallbackReason,
      citationProblems: v.citationProblems,
    },
  };
}
