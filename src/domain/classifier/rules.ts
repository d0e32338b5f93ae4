import type { SuggestedKind } from './types.js';
import {
  CUSTOMER_SUBJECT,
  HELD_BACK_PRESCRIPTION,
  KIND_KEYWORDS,
  PRESCRIBING_NEGATION,
  PRESCRIBING_PHRASES,
  QUESTION_OPENERS,
  REACTION_VERBS,
  TRIVIAL_QUOTE,
} from './word-lists.js';

export interface PrescribingMatch {
  phrase: string;
  matched: string;
  weight: number;
  negated: boolean;
  inQuestion: boolean;
}

const PHRASE_RES = PRESCRIBING_PHRASES.map(([name, source, weight]) => ({
  name,
  weight,
  re: new RegExp(source, 'gi'),
}));
const NEGATION_RE = new RegExp(PRESCRIBING_NEGATION, 'i');
const OPENER_RE = new RegExp(QUESTION_OPENERS, 'i');
const WH_OPENER_RE =
  /^(?:(?:what|who|when|where|why|which)(?:'s| is| are| do| does| did| was| were| can| should| will| would| has| have)|how (?:many|much|long|are|is|do|does|did|can|should|will|would))\b/i;
const REACTION_RE = new RegExp(`\\b${CUSTOMER_SUBJECT} (?:\\w+ )?${REACTION_VERBS}`, 'i');
const HELD_BACK_RE = new RegExp(HELD_BACK_PRESCRIPTION, 'i');
const TRIVIAL_RE = new RegExp(TRIVIAL_QUOTE, 'i');
const KIND_RES = KIND_KEYWORDS.map(([kind, source]) => ({ kind, re: new RegExp(source, 'gi') }));
/** Phrases aimed at the customer ("did you know...?") stay pitches even when phrased as a question. */
const CUSTOMER_ADDRESSED = new Set(['have you considered']);
/** How much a prescribing phrase counts when it sits inside a question to the team. */
const IN_QUESTION_FACTOR = 0.3;

function stripLeadingMentions(sentence: string): string {
  return sentence.replace(/^(?:[@#][\w.-]+[\s,:]*)+/, '').trim();
}

export function isQuestionSentence(sentence: string): boolean {
  const bare = stripLeadingMentions(sentence);
  if (bare.endsWith('?')) return true;
  return WH_OPENER_RE.test(bare) && bare.split(/\s+/).length >= 3 && !/[.!]$/.test(bare);
}

/** Every prescribing phrase found outside code, with its negation and question context. */
export function findPrescribing(sentences: string[]): PrescribingMatch[] {
  const matches: PrescribingMatch[] = [];
  for (const sentence of sentences) {
    const inQuestion = isQuestionSentence(sentence);
    const reactionAt = REACTION_RE.exec(sentence)?.index ?? Number.POSITIVE_INFINITY;
    for (const { name, weight, re } of PHRASE_RES) {
      for (const match of sentence.matchAll(re)) {
        const before = sentence.slice(Math.max(0, (match.index ?? 0) - 25), match.index);
        matches.push({
          phrase: name,
          matched: match[0].trim(),
          weight,
          negated: NEGATION_RE.test(before) || reactionAt < (match.index ?? 0),
          inQuestion,
        });
      }
    }
  }
  return matches;
}

/** Sum of the weights that count: negated phrases count zero, phrases inside team questions count less. */
export function prescribingScore(matches: PrescribingMatch[]): number {
  return matches.reduce((total, match) => {
    if (match.negated) return total;
    const factor = match.inQuestion && !CUSTOMER_ADDRESSED.has(match.phrase) ? IN_QUESTION_FACTOR : 1;
    return total + match.weight * factor;
  }, 0);
}

export interface QuestionMatch {
  sentence: string;
  why: 'question mark' | 'question opener';
}

export function findQuestion(sentences: string[]): QuestionMatch | null {
  for (const sentence of sentences) {
    if (!isQuestionSentence(sentence)) continue;
    const bare = stripLeadingMentions(sentence);
    return { sentence, why: bare.endsWith('?') ? 'question mark' : 'question opener' };
  }
  const first = stripLeadingMentions(sentences[0] ?? '');
  if (OPENER_RE.test(first) && first.endsWith('?')) return { sentence: first, why: 'question opener' };
  return null;
}

/** "they asked for a demo", "they pushed back on price": the customer reacted, no words quoted. */
export function findReaction(sentences: string[]): string | null {
  return sentences.find((sentence) => REACTION_RE.test(sentence)) ?? null;
}

/** "we shouldn't pitch yet", "hold off on pricing": the author is choosing to listen first. */
export function findHeldBackPrescription(sentences: string[]): string | null {
  for (const sentence of sentences) {
    const match = HELD_BACK_RE.exec(sentence);
    if (match) return match[0];
  }
  return null;
}

export function isTrivialQuote(quote: string): boolean {
  return TRIVIAL_RE.test(quote) && suggestKind(quote) === null;
}

export interface KindSuggestion {
  kind: SuggestedKind;
  keywords: string[];
}

/** The entry kind whose keywords the quote matches most (ties: risk, constraint, success factor, initiative, driver). */
export function suggestKind(quote: string): KindSuggestion | null {
  let best: KindSuggestion | null = null;
  for (const { kind, re } of KIND_RES) {
    const keywords = [...new Set([...quote.matchAll(re)].map((match) => match[0].toLowerCase()))];
    if (keywords.length > (best?.keywords.length ?? 0)) best = { kind, keywords };
  }
  return best;
}
