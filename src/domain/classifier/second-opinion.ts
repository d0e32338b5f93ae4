import { extractCustomerQuote } from './quote.js';
import { isTrivialQuote, suggestKind } from './rules.js';
import { type ClassifierResult, MESSAGE_LABELS, type MessageLabel } from './types.js';

/**
 * The "unsure" band of the local classifier: a confidence below this goes to the model when a workspace turned
 * the second opinion on. Measured with the committed model on the splits it was never trained on (frozen test,
 * adversarial, blind adversarial: 302 messages): at 0.90 and above it was right 197 times out of 197; below 0.90
 * it was wrong 9 times out of 105. So the band is [0, 0.90): about a third of messages, every error we saw.
 */
export const UNSURE_BELOW = 0.9;

/** Default cap on second-opinion calls per workspace per UTC day (LISTEN_AI_DAILY_CAP). */
export const DEFAULT_LISTEN_AI_DAILY_CAP = 200;

/** The model's reading of one message (validated by the schema in src/llm). */
export interface ModelJudgement {
  label: MessageLabel;
  confidence: number;
  /** Words of the message that weighed most, quoted verbatim. */
  quotedWords: string[];
}

/** Asks the model about one message; throws (or rejects on abort) when it cannot answer. */
export type MessageJudge = (text: string, signal: AbortSignal) => Promise<ModelJudgement>;

export const isUnsure = (result: Pick<ClassifierResult, 'confidence'>): boolean =>
  result.confidence < UNSURE_BELOW;

/** The cap's day: the UTC date, so every workspace's count starts again at UTC midnight. */
export const usageDay = (now: Date): string => now.toISOString().slice(0, 10);

const squash = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** Only the quoted words that really are in the message (case and spacing aside), at most four, deduplicated. */
export function groundedWords(text: string, words: readonly string[]): string[] {
  const haystack = squash(text);
  const kept: string[] = [];
  for (const word of words) {
    const clean = word.replace(/\s+/g, ' ').trim();
    if (clean.length < 2 || !haystack.includes(squash(clean))) continue;
    if (kept.some((k) => squash(k) === squash(clean))) continue;
    kept.push(clean);
    if (kept.length >= 4) break;
  }
  return kept;
}

/**
 * The result once the model answered: its class and confidence, the local quote/evidence kept when both agree,
 * else rebuilt from the message. Quoted words not found in the message are dropped; a model answer that gives a
 * class outside ours or a confidence outside 0..1 is refused (null: the local result stands).
 */
export function withModelJudgement(
  local: ClassifierResult,
  judgement: ModelJudgement,
  text: string,
): ClassifierResult | null {
  if (!MESSAGE_LABELS.includes(judgement.label)) return null;
  if (!(judgement.confidence >= 0 && judgement.confidence <= 1)) return null;
  const words = groundedWords(text, judgement.quotedWords);
  const confidence = Math.round(judgement.confidence * 100) / 100;
  const reasons = [
    `the local reading was unsure (${local.label.replace('_', ' ')} ${local.confidence.toFixed(2)}); ` +
      `the model read ${judgement.label.replace('_', ' ')} (${confidence.toFixed(2)})`,
    ...(words.length > 0 ? [`model's strongest words: ${words.map((w) => `"${w}"`).join(', ')}`] : []),
  ];
  if (judgement.label === local.label) {
    return {
      ...local,
      confidence,
      reasons,
      topWords: words.length > 0 ? words : local.topWords,
      evidence: local.evidence ?? words[0] ?? null,
    };
  }
  let quote: string | null = null;
  if (judgement.label === 'customer_words') {
    quote = extractCustomerQuote(text)?.quote ?? text.replace(/^>+\s?/, '').trim();
    if (isTrivialQuote(quote)) return null;
  }
  return {
    label: judgement.label,
    confidence,
    reasons,
    topWords: words,
    evidence: words[0] ?? null,
    quote,
    suggestedKind: quote ? (suggestKind(quote)?.kind ?? null) : null,
  };
}
