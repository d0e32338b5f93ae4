import type OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { createLimiter } from '../domain/limiter.js';
import { chunkForBudget, RECAP_LIMITS, renderUtterance } from '../domain/recap/limits.js';
import { groundExtraction, mergeExtractions } from '../domain/recap/merge.js';
import { extractOffline } from '../domain/recap/offline-extraction.js';
import type { ParsedTranscript } from '../domain/recap/transcript-parse.js';
import type { RecapExtraction } from '../domain/recap/types.js';
import type { DateOrder } from '../domain/time/when-reader.js';
import { toDraftProviderError } from './errors.js';
import { createFallbackClient } from './openai-client.js';
import { RECAP_EXTRACTION_SYSTEM, recapExtractionUserPrompt } from './prompts/recap-extraction.js';
import { recapExtractionSchema } from './schemas/recap-extraction.js';
import { requestStructured } from './structured-call.js';
import { countTokens } from './tokens.js';

export interface RecapExtractionInput {
  notes: string;
  /** The pasted or downloaded transcript, parsed (null when there is none). */
  transcript: ParsedTranscript | null;
  transcriptText: string;
  /** YYYY-MM-DD */
  meetingDate: string;
  ourSpeakers: readonly string[];
  /** How the rep writes numeric dates (their Slack locale), for due dates such as "12/3". */
  dateOrder?: DateOrder | undefined;
}

export interface RecapExtractionOutcome {
  extraction: RecapExtraction;
  extractor: 'openai' | 'offline';
  /** Part of the text was left out (token budget). */
  truncated: boolean;
  /** Why the LLM was not used although configured, e.g. "server_error: ..."; null otherwise. */
  fallbackReason: string | null;
}

export interface RecapExtractor {
  name: 'openai' | 'offline';
  extract(input: RecapExtractionInput): Promise<RecapExtractionOutcome>;
}

export { extractOffline };

export const offlineRecapExtractor: RecapExtractor = {
  name: 'offline',
  async extract(input) {
    return {
      extraction: extractOffline(input),
      extractor: 'offline',
      truncated: false,
      fallbackReason: null,
    };
  },
};

/** What the LLM reads: the notes, then the transcript as "Speaker: text" lines. */
export function extractionText(input: RecapExtractionInput): string {
  const transcript =
    input.transcript && input.transcript.format !== 'unknown'
      ? input.transcript.utterances.map(renderUtterance).join('\n')
      : input.transcriptText;
  return [input.notes, transcript].filter((part) => part.trim() !== '').join('\n');
}

export interface OpenAIRecapExtractorOptions {
  client: OpenAI;
  model: string;
  maxTokensPerChunk?: number;
  maxTotalTokens?: number;
  maxCompletionTokens?: number | null;
  /** Chunks sent to the model at once (default 4): a long transcript takes about one call per round. */
  maxConcurrentChunks?: number;
  onFallback?: (reason: string) => void;
  /** The fallback extractor (default: offline, in line). */
  offline?: RecapExtractor;
}

export const DEFAULT_CONCURRENT_CHUNKS = 4;

/**
 * Structured-output extraction, chunk by chunk within a token budget; results merged, deduplicated and
 * grounded in the text (quotes that were not said verbatim are removed). Any failure falls back to the
 * offline extractor, so a recap always gets its proposals.
 */
export function createOpenAIRecapExtractor(options: OpenAIRecapExtractorOptions): RecapExtractor {
  const responseFormat = zodResponseFormat(recapExtractionSchema, 'recap_extraction');
  return {
    name: 'openai',
    async extract(input) {
      const text = extractionText(input);
      const chunks = chunkForBudget(
        text,
        options.maxTokensPerChunk ?? RECAP_LIMITS.maxTokensPerChunk,
        countTokens,
        options.maxTotalTokens ?? RECAP_LIMITS.maxTotalTokens,
      );
      const limit = createLimiter(options.maxConcurrentChunks ?? DEFAULT_CONCURRENT_CHUNKS);
      const controller = new AbortController();
      const extractChunk = async (chunk: string, index: number): Promise<RecapExtraction> => {
        const completion = await requestStructured(options.client, {
          model: options.model,
          system: RECAP_EXTRACTION_SYSTEM,
          user: recapExtractionUserPrompt({
            chunk,
            part: index + 1,
            parts: chunks.chunks.length,
            meetingDate: input.meetingDate,
            ourSpeakers: input.ourSpeakers,
          }),
          responseFormat,
          maxCompletionTokens: options.maxCompletionTokens,
          signal: controller.signal,
        });
        const choice = completion.choices[0];
        if (!choice?.message.parsed) throw new Error(choice?.message.refusal ?? 'the reply had no content');
        return groundExtraction(choice.message.parsed, text);
      };
      try {
        // Parts keep their chunk order; the first failure cancels the rest and the offline extractor answers.
        const parts = await Promise.all(
          chunks.chunks.map((chunk, index) =>
            limit(() => extractChunk(chunk, index)).catch((error: unknown) => {
              controller.abort();
              throw error;
            }),
          ),
        );
        return {
          extraction: mergeExtractions(parts),
          extractor: 'openai',
          truncated: chunks.truncated,
          fallbackReason: null,
        };
      } catch (error) {
        const failure = toDraftProviderError(error);
        const reason = `${failure.reason}: ${failure.message}`;
        options.onFallback?.(reason);
        const offline = await (options.offline ?? offlineRecapExtractor).extract(input);
        return { ...offline, fallbackReason: reason };
      }
    },
  };
}

export interface RecapExtractorConfig {
  apiKey: string;
  baseURL: string | undefined;
  model: string;
  timeoutMs: number;
}

/** OpenAI (or any compatible server) with offline fallback when configured; offline otherwise. */
export function createRecapExtractor(
  config: RecapExtractorConfig | null,
  onFallback?: (reason: string) => void,
  offline: RecapExtractor = offlineRecapExtractor,
): RecapExtractor {
  if (!config) return offline;
  // A recap waits for this: one retry, then the offline extractor.
  const client = createFallbackClient(config);
  return createOpenAIRecapExtractor({
    client,
    model: config.model,
    offline,
    ...(onFallback ? { onFallback } : {}),
  });
}
