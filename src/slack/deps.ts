import type { ClassifierRefiner } from '../domain/classifier/types.js';
import type { DealAsker } from '../llm/ask.js';
import type { NextStepWriter } from '../llm/nudge-writer.js';
import type { DraftProvider } from '../llm/provider.js';
import type { RecapExtractor } from '../llm/recap-extractor.js';
import type { AppLogger } from '../logger.js';
import type { FetchFile } from '../services/recap-sources.js';
import type { Repositories } from '../storage/ports.js';

/**
 * Everything a listener may use, passed in by the composition root (src/app.ts) so tests can swap any part.
 * Features add their services here.
 */
export interface AppDeps {
  repos: Repositories;
  logger: AppLogger;
  clock: () => Date;
  /** Rewords nudge next steps with the LLM when configured; templates when absent or offline. */
  nextStepWriter?: NextStepWriter;
  /** Shared-vision drafter: LLM with offline fallback, or offline only (never throws for an LLM failure). */
  drafting: DraftProvider;
  /** Recap proposals: LLM with offline fallback, or offline only. Absent = offline. */
  recapExtractor?: RecapExtractor;
  /** Downloads a Slack file (url_private) for recaps; absent = global fetch. Tests swap it. */
  fetchFile?: FetchFile;
  /** Answers questions about a deal from its entries (LLM with offline fallback, or offline only). */
  asker?: DealAsker;
  /** Optional second opinion for the message classifier; none = offline rules only. */
  classifierRefiner?: ClassifierRefiner;
  /** Days an uninstalled workspace's data is kept (DATA_PURGE_GRACE_DAYS); absent = 30, 0 = at once. */
  purgeGraceDays?: number;
}
