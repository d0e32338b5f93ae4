import type { MessageClassifier } from '../classifier/types.js';
import { trimEndOf } from '../text/trim-end.js';
import {
  firstDriverSentence,
  firstPrescribingSentence,
  formatOffset,
  type SentenceHit,
} from './first-moments.js';
import { mappingRequest, unmappedGenericSpeakers } from './speaker-map.js';
import { ourSideOf } from './speaker-sides.js';
import { countWords, mergeTurns, speakerKey } from './turns.js';
import type { Turn, Utterance } from './types.js';

export type Side = 'ours' | 'customer';

export interface Monologue {
  speaker: string;
  turnIndex: number;
  words: number;
  /** Null when the transcript has no timestamps (then the longest is chosen by words). */
  seconds: number | null;
}

export type PhraseHit = SentenceHit;

/** One speaker's share of the words spoken by labelled speakers. */
export interface SpeakerShare {
  speaker: string;
  side: Side;
  words: number;
  /** One decimal. */
  sharePct: number;
}

export interface ListeningMetrics {
  words: { ours: number; customer: number; unknown: number };
  /** ours / (ours + customer) words x 100, one decimal; unlabelled words are left out. */
  ourTalkSharePct: number;
  customerTalkSharePct: number;
  /** Every labelled speaker, most words first, so each rep sees their own share and not only the team's. */
  speakers: SpeakerShare[];
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
  /** Generic labels ("Speaker 3") counted as the customer's side: the rep may map them if one is ours. */
  unmappedSpeakers: string[];
}

export type ListeningResult = { ok: true; metrics: ListeningMetrics } | { ok: false; reason: string };

const roundOne = (value: number): number => Math.round(value * 10) / 10;

/**
 * Questions rule: split each of our utterances into sentences after ".", "!" or "?" followed by whitespace; a
 * sentence counts when it ends with one or more "?" (closing quotes or brackets allowed after it).
 */
export function countQuestions(text: string): number {
  return sentencesOf(text).filter((sentence) => trimEndOf(sentence.trim(), CLOSERS).endsWith('?')).length;
}

/** Closing quotes and brackets allowed after a sentence's end mark. */
const CLOSERS = `"'”’)]`;
const isSpace = (c: string | undefined) => c !== undefined && c.trim() === '';

/**
 * Splits after ".", "!" or "?" (closers allowed after it) followed by white space, in one pass: the same split as
 * /(?<=[.!?]["'”’)\]]*)\s+/, whose look-behind is quadratic on long runs of closers.
 */
function sentencesOf(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (!isSpace(text[i]) || i === 0) {
      i++;
      continue;
    }
    let j = i - 1;
    while (j >= 0 && CLOSERS.includes(text[j]!)) j--;
    const ends = j >= 0 && '.!?'.includes(text[j]!);
    let next = i;
    while (isSpace(text[next])) next++;
    if (ends) {
      out.push(text.slice(start, i));
      start = next;
    }
    i = next;
  }
  out.push(text.slice(start));
  return out;
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

function when(hit: SentenceHit): string {
  return hit.startMs === null ? `in turn ${hit.turnIndex + 1}` : `at ${formatOffset(hit.startMs)}`;
}

function explainPrescribing(
  proposal: PhraseHit | null,
  driver: PhraseHit | null,
  prescribed: boolean,
): string {
  if (!proposal) return 'We did not propose a solution in this conversation.';
  const ours = `We first prescribed ${when(proposal)} (${proposal.speaker}: "${proposal.sentence}")`;
  if (!driver) return `${ours}, and the customer never stated a driver.`;
  const theirs = `the customer's first driver ${when(driver)} (${driver.speaker}: "${driver.sentence}")`;
  return prescribed ? `${ours}, before ${theirs}.` : `${ours}, after ${theirs}.`;
}

function speakerShares(utterances: readonly Utterance[], sideOf: (speaker: string) => Side): SpeakerShare[] {
  const bySpeaker = new Map<string, { speaker: string; words: number }>();
  for (const utterance of utterances) {
    const key = speakerKey(utterance.speaker);
    if (key === null || key === '' || utterance.speaker === null) continue;
    const row = bySpeaker.get(key) ?? { speaker: utterance.speaker.trim(), words: 0 };
    row.words += countWords(utterance.text);
    bySpeaker.set(key, row);
  }
  const total = [...bySpeaker.values()].reduce((sum, row) => sum + row.words, 0);
  return [...bySpeaker.values()]
    .map((row) => ({
      ...row,
      side: sideOf(row.speaker),
      sharePct: total === 0 ? 0 : roundOne((row.words / total) * 100),
    }))
    .sort((a, b) => b.words - a.words || a.speaker.localeCompare(b.speaker));
}

/**
 * Listening metrics for a transcript with speaker labels. Needs at least one of our speakers in it; every other
 * labelled speaker counts as customer, unlabelled text as unknown. "Prescribed before diagnosing" classifies each
 * of our sentences with the deal-channel classifier (negations and questions respected).
 */
export function computeListeningMetrics(
  utterances: readonly Utterance[],
  ourSpeakerNames: readonly string[],
  classify: MessageClassifier,
): ListeningResult {
  const labelled = utterances.filter((u) => u.speaker !== null && u.speaker.trim() !== '');
  if (labelled.length === 0) {
    return { ok: false, reason: 'The transcript has no speaker labels, so we cannot tell who talked.' };
  }
  // By name (full name only for speakers the tool marked "(Guest)" or "(Acme Corp)"), or by our company.
  const isOurs = ourSideOf(labelled, ourSpeakerNames);
  const ourSpeakersFound = unique(labelled.filter((u) => isOurs(u.speaker)).map((u) => u.speaker!));
  const generic = unmappedGenericSpeakers(labelled);
  if (ourSpeakersFound.length === 0 && generic.length > 0) {
    return { ok: false, reason: mappingRequest(generic, ourSpeakerNames) };
  }
  if (ourSpeakersFound.length === 0) {
    const names = ourSpeakerNames.length > 0 ? ourSpeakerNames.join(', ') : 'none given';
    return {
      ok: false,
      reason: `None of our speakers (${names}) appear among the transcript's speaker labels.`,
    };
  }
  const sideOf = (speaker: string | null): Side | null =>
    speaker === null ? null : isOurs(speaker) ? 'ours' : 'customer';

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

  const firstProposal = firstPrescribingSentence(utterances, isOurs, classify);
  const firstCustomerDriver = firstDriverSentence(utterances, (speaker) => !isOurs(speaker));
  const prescribedBeforeDiagnosing =
    firstProposal !== null &&
    (firstCustomerDriver === null || firstProposal.turnIndex < firstCustomerDriver.turnIndex);

  return {
    ok: true,
    metrics: {
      words,
      ourTalkSharePct,
      customerTalkSharePct: spoken === 0 ? 0 : roundOne(100 - ourTalkSharePct),
      speakers: speakerShares(utterances, (speaker) => (isOurs(speaker) ? 'ours' : 'customer')),
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
      unmappedSpeakers: generic.filter((speaker) => sideOf(speaker) === 'customer'),
    },
  };
}
