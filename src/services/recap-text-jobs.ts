import type { OfflineExtractionInput } from '../domain/recap/offline-extraction.js';
import type { ParsedTranscript } from '../domain/recap/transcript-parse.js';
import type { RecapExtraction } from '../domain/recap/types.js';

export type RecapTextWork =
  | { kind: 'parse'; text: string }
  | { kind: 'extract'; input: OfflineExtractionInput };
export type RecapTextJob = RecapTextWork & { id: number };

export type RecapTextReply =
  | { id: number; ok: true; value: ParsedTranscript | RecapExtraction }
  | { id: number; ok: false; error: string };
