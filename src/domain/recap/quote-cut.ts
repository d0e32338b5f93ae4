import { findStemmedPhrase } from './word-stems.js';

/** No proposed quote is longer than this many words: a monologue is cut to the part that carries the point. */
export const MAX_QUOTE_WORDS = 40;

const words = (text: string): string[] => text.split(/\s+/).filter((w) => w !== '');

/**
 * A verbatim piece of `text` of at most MAX_QUOTE_WORDS words that contains `point` (a sentence or phrase of
 * it): the whole text when short enough, else the sentence holding the point, else the clause (between commas,
 * semicolons or dashes) holding the cue (matched by word stem), else the first MAX_QUOTE_WORDS words from the
 * point on.
 */
export function quoteAround(text: string, point: string, cue: string | null = null): string {
  if (words(text).length <= MAX_QUOTE_WORDS) return text;
  const sentence = text.split(/(?<=[.!?])\s+/).find((s) => s.includes(point)) ?? point;
  if (words(sentence).length <= MAX_QUOTE_WORDS) return sentence.trim();
  const clause = sentence
    .split(/[,;–—]\s/)
    .map((c) => c.trim())
    .find((c) => (cue ? findStemmedPhrase(c, [cue]) !== null : c.includes(point)));
  if (clause && words(clause).length <= MAX_QUOTE_WORDS && words(clause).length >= 3) return clause.trim();
  const start = Math.max(0, sentence.indexOf(point));
  return words(sentence.slice(start)).slice(0, MAX_QUOTE_WORDS).join(' ');
}
