import type { DateOrder } from '../time/when-reader.js';
import type { DueDateReader } from './due-reader.js';
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
  /** How the rep writes numeric dates (their Slack locale): 12/3 is Dec 3 or 12 March. Default month-first. */
  dateOrder?: DateOrder | undefined;
}

/**
 * The deterministic extractor: markers, quotes and customer language. Never fails, no network. With a date
 * reader (chrono-node on the recap worker), due dates are read as people type them; without one, fixed patterns.
 */
export function extractOffline(input: OfflineExtractionInput, readDue?: DueDateReader): RecapExtraction {
  const options = {
    meetingDate: input.meetingDate,
    ourSpeakers: input.ourSpeakers,
    due: readDue ? { read: readDue, order: input.dateOrder ?? ('month-first' as const) } : undefined,
  };
  const parts: RecapExtraction[] = [];
  if (input.notes.trim() !== '') parts.push(extractFromNotes(input.notes, options));
  if (input.transcript && input.transcript.format !== 'unknown') {
    parts.push(extractFromTranscript(input.transcript.utterances, options));
  } else if (input.transcriptText.trim() !== '') {
    parts.push(extractFromNotes(input.transcriptText, options));
  }
  return mergeExtractions(parts);
}
