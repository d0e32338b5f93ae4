import { normalizeSlackText, splitSentences } from './normalize.js';
import { type CustomerQuote, extractCustomerQuote } from './quote.js';
import {
  findHeldBackPrescription,
  findPrescribing,
  findQuestion,
  findReaction,
  isTrivialQuote,
  prescribingScore,
  suggestKind,
} from './rules.js';
import type { ClassifierResult } from './types.js';

/** A message is prescribing when the phrases that count add up to at least this. */
export const PRESCRIBING_THRESHOLD = 0.6;

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;
}

function customerWords(found: CustomerQuote): ClassifierResult {
  const kind = suggestKind(found.quote);
  const base = { blockquote: 0.75, speech: 0.85, name_colon: 0.8, quotation_marks: 0.85 }[found.form];
  const reasons = [found.reason];
  if (kind) reasons.push(`suggested ${kind.kind} from "${kind.keywords.slice(0, 3).join('", "')}"`);
  return {
    label: 'customer_words',
    confidence: round(base + (found.attributed && found.form === 'blockquote' ? 0.1 : 0)),
    reasons,
    quote: found.quote,
    suggestedKind: kind?.kind ?? null,
  };
}

function result(label: ClassifierResult['label'], confidence: number, reasons: string[]): ClassifierResult {
  return { label, confidence: round(confidence), reasons, quote: null, suggestedKind: null };
}

/**
 * Offline classifier for a message posted in a deal channel: prescribing, customer words, question or other.
 * Customer words win over prescribing (a rep relaying "they said 'we need X'" is listening), prescribing wins over
 * a question, and everything else is other.
 */
export function classifyMessage(rawText: string): ClassifierResult {
  const { lines, hadCode } = normalizeSlackText(rawText);
  const unquoted = lines.filter((line) => !line.startsWith('>'));
  const sentences = splitSentences(unquoted.join('\n'));
  const allSentences = splitSentences(lines.map((line) => line.replace(/^>+\s?/, '')).join('\n'));
  const notes: string[] = hadCode ? ['ignored text inside code'] : [];

  const found = extractCustomerQuote(rawText);
  const quoteIsPitch =
    found?.form === 'blockquote' &&
    !found.attributed &&
    prescribingScore(findPrescribing(splitSentences(found.quote))) >= PRESCRIBING_THRESHOLD;
  if (found && !quoteIsPitch) {
    if (!isTrivialQuote(found.quote)) return customerWords(found);
    notes.push(`quote "${found.quote}" is small talk or scheduling, not worth logging`);
  }

  const pitchSentences = found && !quoteIsPitch ? sentences : allSentences;
  const matches = findPrescribing(pitchSentences);
  const score = prescribingScore(matches);
  if (score >= PRESCRIBING_THRESHOLD) {
    const counted = matches.filter((match) => !match.negated);
    const reasons = counted.map((match) => `matched prescribing phrase "${match.matched}" (${match.phrase})`);
    if (quoteIsPitch) reasons.unshift('the ">" quote reads as our own draft, not the customer');
    return result('prescribing', 0.5 + 0.2 * score, [...reasons, ...notes]);
  }
  const negated = matches.filter((match) => match.negated);
  for (const match of negated)
    notes.push(`prescribing phrase "${match.matched}" is negated or a customer reaction`);
  for (const match of matches.filter((m) => !m.negated && m.inQuestion)) {
    notes.push(`prescribing phrase "${match.matched}" is inside a question to the team`);
  }

  const question = findQuestion(sentences);
  if (question) {
    const confidence = question.why === 'question mark' ? 0.8 : 0.65;
    return result('question', confidence, [`${question.why}: "${question.sentence}"`, ...notes]);
  }

  const reaction = findReaction(sentences);
  if (reaction) notes.push(`customer reaction reported without their words: "${reaction}"`);
  const heldBack = findHeldBackPrescription(sentences);
  if (heldBack) notes.push(`holds back a prescription ("${heldBack}"): listening first`);
  const confidence = negated.length > 0 || reaction || heldBack ? 0.8 : 0.6;
  return result(
    'other',
    confidence,
    notes.length > 0 ? notes : ['no prescribing, customer words or question found'],
  );
}
