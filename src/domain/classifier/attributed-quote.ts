import type { MessageFeatures } from './features.js';
import { cleanQuote } from './quote.js';
import { isTrivialQuote } from './rules.js';
import { withoutAttribution } from './speech-features.js';

const ATTRIBUTIONS = new Set([
  '<lead_in_colon>',
  '<dash_attribution>',
  '<paren_attribution>',
  '<name_colon>',
]);
const OUR_SIDE = new Set(['i', 'we', 'my', 'our', 'me', 'us']);
const MIN_QUOTED_WORDS = 4;

/** Words inside the first pair of quotation marks of a sentence, and whether "I/we/my" came before them. */
function firstQuote(features: MessageFeatures): { words: number; ours: boolean } | null {
  for (const sentence of features.sentences) {
    const open = sentence.tokens.findIndex((token) => token.text === '"');
    if (open < 0) continue;
    const close = sentence.tokens.findIndex((token, at) => at > open && token.text === '"');
    const inside = sentence.tokens.slice(open + 1, close < 0 ? undefined : close);
    const ours = sentence.tokens.slice(0, open).some((token) => OUR_SIDE.has(token.lemma));
    return { words: inside.filter((token) => token.pos !== 'PUNCT').length, ours };
  }
  return null;
}

/**
 * The explainable override for relayed quotes: words in quotation marks that a message attributes to someone (a name,
 * role or source before ":" or "->", or "- Name" / "(Name)" after) are the customer's words, unless our side says
 * them ("my line on the call -> '...'", "told their CFO '...'"), the message asks something, or they are small talk.
 * Returns the quote, or null when the rule does not apply.
 */
export function attributedQuote(features: MessageFeatures): string | null {
  const names = new Set(features.hits.map((hit) => hit.name));
  if (!names.has('<quoted>') || names.has('<question>') || names.has('<bare_told>') || names.has('<we_told>'))
    return null;
  if (![...ATTRIBUTIONS].some((name) => names.has(name))) return null;
  const quote = firstQuote(features);
  if (!quote || quote.ours || quote.words < MIN_QUOTED_WORDS) return null;
  const text = features.lines
    .map((line) => cleanQuote(withoutAttribution(line.replace(/^>+\s?/, ''))))
    .join(' ');
  return isTrivialQuote(text) ? null : text;
}
