import type { MessageClassifier } from '../classifier/types.js';
import { DRIVER_PHRASES, findPhrase } from './phrases.js';
import { speakerKey } from './turns.js';
import type { Utterance } from './types.js';

/** A sentence in a transcript: who said it, when, and in which turn (consecutive same-speaker utterances). */
export interface SentenceHit {
  turnIndex: number;
  speaker: string;
  sentence: string;
  /** Start of the utterance holding the sentence; null when the transcript has no times. */
  startMs: number | null;
  /** What made it count: the classifier's strongest words, or the driver phrase. */
  phrase: string;
}

/** A pitch must read as prescribing with at least this confidence to count as "we prescribed". */
const MIN_PRESCRIBING_CONFIDENCE = 0.6;
const MAX_SENTENCE_CHARS = 240;
const QUESTION_END = /\?["'”’)\]]*$/;

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

function clip(sentence: string): string {
  return sentence.length <= MAX_SENTENCE_CHARS ? sentence : `${sentence.slice(0, MAX_SENTENCE_CHARS - 1)}…`;
}

/** Each labelled utterance with the index of the turn it belongs to. */
function withTurns(utterances: readonly Utterance[]): { utterance: Utterance; turnIndex: number }[] {
  const rows: { utterance: Utterance; turnIndex: number }[] = [];
  let turnIndex = -1;
  let previous: string | null | undefined;
  for (const utterance of utterances) {
    const key = speakerKey(utterance.speaker);
    if (turnIndex < 0 || key !== previous) turnIndex += 1;
    previous = key;
    rows.push({ utterance, turnIndex });
  }
  return rows;
}

/**
 * The first sentence of ours that reads as prescribing, judged by the same classifier as deal-channel messages
 * (so "We won't demo today" and "How do you handle pricing today?" do not count).
 */
export function firstPrescribingSentence(
  utterances: readonly Utterance[],
  isOurs: (speaker: string) => boolean,
  classify: MessageClassifier,
): SentenceHit | null {
  for (const { utterance, turnIndex } of withTurns(utterances)) {
    if (utterance.speaker === null || !isOurs(utterance.speaker)) continue;
    for (const sentence of sentencesOf(utterance.text)) {
      if (QUESTION_END.test(sentence)) continue;
      const result = classify(sentence);
      if (result.label !== 'prescribing' || result.confidence < MIN_PRESCRIBING_CONFIDENCE) continue;
      return {
        turnIndex,
        speaker: utterance.speaker,
        sentence: clip(sentence),
        startMs: utterance.startMs,
        phrase: result.topWords.slice(0, 2).join(', '),
      };
    }
  }
  return null;
}

/** The first customer sentence stating a driver ("we need", "we're losing"), not a question. */
export function firstDriverSentence(
  utterances: readonly Utterance[],
  isCustomer: (speaker: string) => boolean,
): SentenceHit | null {
  for (const { utterance, turnIndex } of withTurns(utterances)) {
    if (utterance.speaker === null || !isCustomer(utterance.speaker)) continue;
    for (const sentence of sentencesOf(utterance.text)) {
      if (QUESTION_END.test(sentence)) continue;
      const phrase = findPhrase(sentence, DRIVER_PHRASES);
      if (phrase) {
        return {
          turnIndex,
          speaker: utterance.speaker,
          sentence: clip(sentence),
          startMs: utterance.startMs,
          phrase,
        };
      }
    }
  }
  return null;
}

/** 65_000 -> "1:05", 3_723_000 -> "1:02:03". */
export function formatOffset(ms: number): string {
  const total = Math.floor(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
