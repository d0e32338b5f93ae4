import type { DraftResult } from '../domain/drafts/draft.js';
import type { DraftInput } from '../domain/drafts/input.js';

export type { DraftResult } from '../domain/drafts/draft.js';
export type { DraftInput } from '../domain/drafts/input.js';

/** Anything that turns a deal's entries into a checked draft. */
export interface DraftProvider {
  readonly name: 'openai' | 'offline' | 'openai+offline';
  draft(input: DraftInput, signal?: AbortSignal): Promise<DraftResult>;
}

export const DRAFT_FAILURE_REASONS = [
  'refusal',
  'length',
  'content_filter',
  'invalid_output',
  'no_verified_statements',
  'rate_limited',
  'server_error',
  'http_error',
  'timeout',
  'connection',
  'aborted',
  'unknown',
] as const;
export type DraftFailureReason = (typeof DRAFT_FAILURE_REASONS)[number];

/** A provider could not produce a usable draft; `reason` is safe to show and to store. */
export class DraftProviderError extends Error {
  constructor(
    readonly reason: DraftFailureReason,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'DraftProviderError';
  }
}
