import { isOurSpeaker } from './our-speakers.js';
import { DRIVER_PHRASES, findPhrase, PROPOSAL_PHRASES } from './phrases.js';
import { countWords, mergeTurns } from './turns.js';
import type { Turn, Utterance } from './types.js';

export type Side = 'ours' | 'customer';

export interface Monologue {
  speaker: string;
  turnIndex: number;
  words: number;
  /** Null when the transcript has no timestamps (then the longest is chosen by words). */
  seconds: number | null;
}

export interface PhraseHit {
  turnIndex: number;
  speaker: string;
  phrase: string;
}

export interface ListeningMetrics {
  words: { ours: number; customer: number; unknown: number };
  /** ours / (ours + customer) words x 100, one decimal; unlabelled words are left out. */
  ourTalkSharePct: number;
  customerTalkSharePct: number;
  /** Sentences ending with "?" in our utterances (see countQuestions). */
  questionsAsked: number;
  /** `seconds` when every labelled turn has start and end times, else `words`. */
  monologueBasis: 'seconds' | 'words';
  longestCustomerMonologue: Monologue | null;
  longestOurMonologue: Monologue | null;
  firstProposal: PhraseHit | null;
  firstCustomerDriver: PhraseHit | null;
  /** We first proposed a solution in an earlier turn than the customer first stated a driver (or never did). */
  prescribedBeforeDiagnosing: boolean;
  /** One sentence explaining prescribedBeforeDiagnosing with the matched phrases. */
  prescribingReason: string;
  ourSpeakersFound: string[];
  customerSpeakers: string[];
}

export type ListeningResult = { ok: true; metrics: ListeningMetrics } | { ok: false; reason: string };

const roundOne = (value: number): number => Math.round(value * 10) / 10;

/**
 * Questions rule: split each of our utterances into sentences after ".", "!" or "?" followed by whitespace; a
 * sentence counts when it ends with one or more "?" (closing quotes or brackets allowed after it).
 */
export function countQuestions(text: string): number {
  return text.split(/(?<=[.!?]["'”’)\]]*)\s+/).filter((sentence) => /\?+["'”’)\]]*$/.test(sentence.trim()))
    .length;
}

function unique(values: string[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values) if (!seen.has(value.toLowerCase())) seen.set(value.toLowerCase(), value);
  return [...seen.values()];
}

function longest(turns: Turn[], basis: 'seconds' | 'words'): Monologue | null {
  let best: Monologue | null = null;
  for (const turn of turns) {
    const seconds = basis === 'seconds' ? (turn.endMs! - turn.startMs!) / 1000 : null;
    const size = seconds ?? turn.words;
    const bestSize = best ? (best.seconds ?? best.words) : -1;
    if (size > bestSize) best = { speaker: turn.speaker!, turnIndex: turn.index, words: turn.words, seconds };
  }
  return best;
}

function firstHit(turns: Turn[], phrases: readonly string[]): PhraseHit | null {
  for (const turn of turns) {
    const phrase = findPhrase(turn.text, phrases);
    if (phrase) return { turnIndex: turn.index, speaker: turn.speaker!, phrase };
  }
  return null;
}

function explainPrescribing(
  proposal: PhraseHit | null,
  driver: PhraseHit | null,
  prescribed: boolean,
): string {
  if (!proposal) return 'We did not propose a solution in this conversation.';
  const ours = `We first proposed in turn ${proposal.turnIndex + 1} ("${proposal.phrase}", ${proposal.speaker})`;
  if (!driver) return `${ours}, and the customer never stated a driver.`;
  const theirs = `the customer first stated a driver in turn ${driver.turnIndex + 1} ("${driver.phrase}", ${driver.speaker})`;
  return prescribed ? `${ours}, before ${theirs}.` : `${ours}, after ${theirs}.`;
}

/**
 * Listening metrics for a transcript with speaker labels. Needs at least one of our speakers in it; every other
 * labelled speaker counts as customer, unlabelled text as unknown.
 */
export function computeListeningMetrics(
  utterances: readonly Utterance[],
  ourSpeakerNames: readonly string[],
): ListeningResult {
  const labelled = utterances.filter((u) => u.speaker !== null && u.speaker.trim() !== '');
  if (labelled.length === 0) {
    return { ok: false, reason: 'The transcript has no speaker labels, so we cannot tell who talked.' };
  }
  const ourSpeakersFound = unique(
    labelled.filter((u) => isOurSpeaker(u.speaker, ourSpeakerNames)).map((u) => u.speaker!),
  );
  if (ourSpeakersFound.length === 0) {
    const names = ourSpeakerNames.length > 0 ? ourSpeakerNames.join(', ') : 'none given';
    return {
      ok: false,
      reason: `None of our speakers (${names}) appear among the transcript's speaker labels.`,
    };
  }
  const sideOf = (speaker: string | null): Side | null =>
    speaker === null ? null : isOurSpeaker(speaker, ourSpeakerNames) ? 'ours' : 'customer';

  const words = { ours: 0, customer: 0, unknown: 0 };
  let questionsAsked = 0;
  for (const utterance of utterances) {
    const side = sideOf(utterance.speaker);
    words[side ?? 'unknown'] += countWords(utterance.text);
    if (side === 'ours') questionsAsked += countQuestions(utterance.text);
  }
  const spoken = words.ours + words.customer;
  const ourTalkSharePct = spoken === 0 ? 0 : roundOne((words.ours / spoken) * 100);

  const turns = mergeTurns(utterances);
  const ourTurns = turns.filter((turn) => sideOf(turn.speaker) === 'ours');
  const customerTurns = turns.filter((turn) => sideOf(turn.speaker) === 'customer');
  const timed = [...ourTurns, ...customerTurns].every((turn) => turn.startMs !== null && turn.endMs !== null);
  const monologueBasis = timed ? 'seconds' : 'words';

  const firstProposal = firstHit(ourTurns, PROPOSAL_PHRASES);
  const firstCustomerDriver = firstHit(customerTurns, DRIVER_PHRASES);
  const prescribedBeforeDiagnosing =
    firstProposal !== null &&
    (firstCustomerDriver === null || firstProposal.turnIndex < firstCustomerDriver.turnIndex);

  return {
    ok: true,
    metrics: {
      words,
      ourTalkSharePct,
      customerTalkSharePct: spoken === 0 ? 0 : roundOne(100 - ourTalkSharePct),
      questionsAsked,
      monologueBasis,
      longestCustomerMonologue: longest(customerTurns, monologueBasis),
      longestOurMonologue: longest(ourTurns, monologueBasis),
      firstProposal,
      firstCustomerDriver,
      prescribedBeforeDiagnosing,
      prescribingReason: explainPrescribing(firstProposal, firstCustomerDriver, prescribedBeforeDiagnosing),
      ourSpeakersFound,
      customerSpeakers: unique(
        labelled.filter((u) => sideOf(u.speaker) === 'customer').map((u) => u.speaker!),
      ),
    },
  };
}
