import type { MessageClassifier } from '../classifier/types.js';
import { trimEndOf } from '../text/trim-end.js';
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

interface TurnSentence {
  turnIndex: number;
  speaker: string;
  sentence: string;
  /** Start of the utterance (cue) in which the sentence begins. */
  startMs: number | null;
}

/**
 * The sentences of every labelled turn (consecutive utterances by the same speaker), in order. Sentences are cut
 * from the turn's joined text, so a sentence a tool wrapped across two cues ("We're losing" | "about two days")
 * stays whole; its time is the start of the cue in which it begins.
 */
function turnSentences(utterances: readonly Utterance[]): TurnSentence[] {
  const out: TurnSentence[] = [];
  let turnIndex = -1;
  let previous: string | null | undefined;
  let group: Utterance[] = [];
  const flush = () => {
    const speaker = group[0]?.speaker ?? null;
    if (speaker !== null) out.push(...sentencesOfTurn(group, speaker, turnIndex));
    group = [];
  };
  for (const utterance of utterances) {
    const key = speakerKey(utterance.speaker);
    if (turnIndex < 0 || key !== previous) {
      flush();
      turnIndex += 1;
    }
    previous = key;
    group.push(utterance);
  }
  flush();
  return out;
}

function sentencesOfTurn(group: readonly Utterance[], speaker: string, turnIndex: number): TurnSentence[] {
  const starts: { at: number; startMs: number | null }[] = [];
  let text = '';
  for (const utterance of group) {
    const piece = utterance.text.trim();
    if (piece === '') continue;
    if (text !== '') text += ' ';
    starts.push({ at: text.length, startMs: utterance.startMs });
    text += piece;
  }
  const out: TurnSentence[] = [];
  let cursor = 0;
  let cue = 0;
  for (const sentence of sentencesOf(text)) {
    const at = text.indexOf(sentence, cursor);
    cursor = at + sentence.length;
    // Sentences come in order, so the cue holding each one's start only moves forward.
    while (cue + 1 < starts.length && starts[cue + 1]!.at <= at) cue += 1;
    out.push({ turnIndex, speaker, sentence, startMs: starts[cue]?.startMs ?? null });
  }
  return out;
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
  for (const row of turnSentences(utterances)) {
    if (!isOurs(row.speaker) || QUESTION_END.test(row.sentence)) continue;
    const result = classify(row.sentence);
    if (result.label !== 'prescribing' || result.confidence < MIN_PRESCRIBING_CONFIDENCE) continue;
    return { ...row, sentence: clip(row.sentence), phrase: result.topWords.slice(0, 2).join(', ') };
  }
  return null;
}

/** The first customer sentence stating a driver ("we need", "we're losing"), not a question. */
export function firstDriverSentence(
  utterances: readonly Utterance[],
  isCustomer: (speaker: string) => boolean,
): SentenceHit | null {
  for (const row of turnSentences(utterances)) {
    if (!isCustomer(row.speaker) || QUESTION_END.test(row.sentence)) continue;
    const phrase = findPhrase(row.sentence, DRIVER_PHRASES);
    if (phrase && !negatedBefore(row.sentence, phrase))
      return { ...row, sentence: clip(row.sentence), phrase };
  }
  return null;
}

const NEGATIONS = new Set([
  'not',
  'never',
  'no',
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "aren't",
  "wasn't",
  "won't",
  'hardly',
]);

/**
 * "I don't think we need that", "It's not that we're losing deals": a negation in the three words before the
 * driver phrase means the customer is saying the opposite.
 */
function negatedBefore(sentence: string, phrase: string): boolean {
  const lower = sentence.toLowerCase().replace(/[’‘]/g, "'");
  const at = lower.indexOf(phrase);
  if (at < 0) return false;
  const before = lower
    .slice(0, at)
    .split(/\s+/)
    .filter((word) => word !== '')
    .slice(-3);
  return before.some((word) => NEGATIONS.has(trimEndOf(word, ',.;:!?')));
}

/** 65_000 -> "1:05", 3_723_000 -> "1:02:03". */
export function formatOffset(ms: number): string {
  const total = Math.floor(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
