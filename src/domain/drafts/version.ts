import { collectCitations, type DraftContent, type DraftResult, type ProviderName } from './draft.js';

export const DRAFT_STATUSES = ['draft', 'shared', 'confirmed'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

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
  provider: ProviderName;
  model: string;
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
  leftOut: number;
  fallbackReason: string | null;
  /** Every entry id the draft rests on. */
  citations: number[];
  status: DraftStatus;
  createdBy: string;
  createdAt: Date;
}

export type NewDraftVersion = Omit<DraftVersion, 'id' | 'createdAt'>;

/** Repository port for draft versions (to be implemented in src/storage). */
export interface DraftVersionRepository {
  create(draft: NewDraftVersion): Promise<DraftVersion>;
  latest(teamId: string, dealId: number): Promise<DraftVersion | null>;
  list(teamId: string, dealId: number): Promise<DraftVersion[]>;
  setStatus(teamId: string, draftId: number, status: DraftStatus): Promise<DraftVersion | null>;
}

export function toNewDraftVersion(
  ids: { teamId: string; dealId: number; createdBy: string; version: number },
  result: DraftResult,
  renderedText: string,
): NewDraftVersion {
  return {
    ...ids,
    content: result.content,
    unverified: result.unverified,
    renderedText,
    provider: result.meta.provider,
    model: result.meta.model,
    promptTokens: result.meta.promptTokens,
    completionTokens: result.meta.completionTokens,
    latencyMs: result.meta.latencyMs,
    leftOut: result.meta.leftOut,
    fallbackReason: result.meta.fallbackReason,
    citations: collectCitations(result.content),
    status: 'draft',
  };
}
