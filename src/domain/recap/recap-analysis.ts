import type { MessageClassifier } from '../classifier/types.js';
import { checkRecapSize } from './limits.js';
import { computeListeningMetrics, type ListeningResult } from './listening-metrics.js';
import { extractFromNotes, extractFromTranscript } from './notes-extractor.js';
import { listeningGuidance } from './reference-points.js';
import { type ParsedTranscript, parseTranscript } from './transcript-parse.js';
import type { RecapExtraction } from './types.js';

export interface RecapAnalysisOptions {
  /** YYYY-MM-DD of the meeting, for relative due dates. */
  meetingDate: string;
  /** Our people's names as they appear in transcripts (full or first names). */
  ourSpeakers: readonly string[];
  /** The deal-channel classifier, reused to judge which of our sentences prescribe. */
  classify: MessageClassifier;
}

export type RecapAnalysis =
  | {
      ok: true;
      /** How the text was read: a transcript with speakers, or notes (with the reason when it fell back). */
      readAs: 'transcript' | 'notes';
      transcript: ParsedTranscript;
      /** Offline proposals; the LLM path produces the same type. */
      proposals: RecapExtraction;
      listening: ListeningResult;
      /** Guidance lines for the rep (privately), empty without metrics. */
      guidance: string[];
    }
  | { ok: false; error: string };

/**
 * One pasted text after a meeting -> how it was read, offline proposals to confirm, and listening metrics
 * (or the reason there are none). Text that is not a transcript with speaker labels is read as notes.
 */
export function analyseMeetingText(text: string, options: RecapAnalysisOptions): RecapAnalysis {
  const transcript = parseTranscript(text);
  const readAs = transcript.hasSpeakers ? 'transcript' : 'notes';
  const size = checkRecapSize(text, readAs === 'transcript' ? 'transcript' : 'notes');
  if (!size.ok) return { ok: false, error: size.message };
  // Cue text of a WebVTT/SRT file without speakers is still read line by line (markers and quotes).
  const proposals =
    transcript.format === 'unknown'
      ? extractFromNotes(text, options)
      : extractFromTranscript(transcript.utterances, options);
  const listening: ListeningResult =
    readAs === 'transcript'
      ? computeListeningMetrics(transcript.utterances, options.ourSpeakers, options.classify)
      : {
          ok: false,
          reason: transcript.reason ?? 'No transcript with speaker labels, so no listening metrics.',
        };
  const guidance = listening.ok ? listeningGuidance(listening.metrics) : [];
  return { ok: true, readAs, transcript, proposals, listening, guidance };
}
