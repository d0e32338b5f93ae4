import type { CrmGateway } from '../crm/create.js';
import type { MessageClassifier } from '../domain/classifier/types.js';
import type { ModelGate } from '../domain/model-gate.js';
import type { ParsedTranscript } from '../domain/recap/transcript-parse.js';
import type { WhenReader } from '../domain/time/when-reader.js';
import type { DealAsker } from '../llm/ask.js';
import type { NextStepWriter } from '../llm/nudge-writer.js';
import type { DraftProvider } from '../llm/provider.js';
import type { RecapExtractor } from '../llm/recap-extractor.js';
import type { AppLogger } from '../logger.js';
import type { ListenSecondOpinion } from '../services/listen-second-opinion.js';
/** Downloads a file (Slack's url_private) with the given headers; tests swap it. */
import type { FetchFile } from '../services/slack-file-download.js';
import type { Repositories } from '../storage/ports.js';

export type { FetchFile };

/**
 * Everything a listener may use, passed in by the composition root (src/app.ts) so tests can swap any part.
 * Features add their services here.
 */
export interface AppDeps {
  /** Caps model calls in flight (@Vision, /vision ask, recaps, drafts); absent = no cap (unit tests). */
  modelGate?: ModelGate;
  repos: Repositories;
  logger: AppLogger;
  clock: () => Date;
  /** Reads dates and times as people type them ("3pm tomorrow", "12/3 10:00"); chrono-node in app.ts. */
  readWhen: WhenReader;
  /** Rewords nudge next steps with the LLM when configured; templates when absent or offline. */
  nextStepWriter?: NextStepWriter;
  /** Shared-vision drafter: LLM with offline fallback, or offline only (never throws for an LLM failure). */
  drafting: DraftProvider;
  /** Recap proposals: LLM with offline fallback, or offline only. Absent = offline. */
  recapExtractor?: RecapExtractor;
  /** Downloads a Slack file (url_private) for recaps; absent = global fetch. Tests swap it. */
  fetchFile?: FetchFile;
  /** Origins besides https://files.slack.com that files may be downloaded from (config; tests, emulators). */
  extraFileOrigins?: readonly string[];
  /** Parses recap transcripts on a worker thread (app.ts); absent = in line. */
  parseTranscript?: (text: string) => Promise<ParsedTranscript>;
  /** Answers questions about a deal from its entries (LLM with offline fallback, or offline only). */
  asker?: DealAsker;
  /** Classifies deal-channel messages offline (prescribing, diagnosing, customer words, neutral). */
  messageClassifier: MessageClassifier;
  /** The model's second opinion on messages the classifier is unsure about; absent = no model configured. */
  listenSecondOpinion?: ListenSecondOpinion;
  /** Salesforce/HubSpot when configured; absent = no CRM features, nothing else changes. */
  crm?: CrmGateway;
  /** Re-reads linked CRM records before a team's weekly nudge run (set when a CRM is configured). */
  refreshCrmBeforeRun?: (teamId: string) => Promise<void>;
  /** Days an uninstalled workspace's data is kept (DATA_PURGE_GRACE_DAYS); absent = 30, 0 = at once. */
  purgeGraceDays?: number;
}
