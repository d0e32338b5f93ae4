import { mergeExtractions } from './merge.js';
import { extractFromNotes, extractFromTranscript } from './notes-extractor.js';
import type { ParsedTranscript } from './transcript-parse.js';
import type { RecapExtraction } from './types.js';

export interface OfflineExtractionInput {
  notes: string;
  transcript: ParsedTranscript | null;
  transcriptText: string;
  /** YYYY-MM-DD */
  meetingDate: string;
  ourSpeakers: readonly string[];
}

/** The deterministic extractor: markers, quotes and customer language. Never fails, no network. */
export function extractOffline(input: OfflineExtractionInput): RecapExtraction {
  const options = { meetingDate: input.meetingDate, ourSpeakers: input.ourSpeakers };
  const parts: RecapExtraction[] = [];
  if (input.notes.trim() !== '') parts.push(extractFromNotes(input.notes, options));
  if (input.transcript && input.transcript.format !== 'unknown') {
    parts.push(extractFromTranscript(input.transcript.utterances, options));
  } else if (input.transcriptText.trim() !== '') {
    parts.push(extractFromNotes(input.transcriptText, options));
  }
  return mergeExtractions(parts);
}
