/**
 * Small, explicit phrase lists used by the listening metrics and the offline extractor. Matching is
 * case-insensitive on whole words, with curly apostrophes read as straight ones. Lists are guidance for
 * proposals the user confirms; they never write anything on their own.
 */

/** Our side proposing a solution (prescribing). */
export const PROPOSAL_PHRASES: readonly string[] = [
  'our platform',
  'our product',
  'our solution',
  'our tool',
  'we can',
  'we could',
  "we'd suggest",
  'we suggest',
  'we recommend',
  "i'd recommend",
  'i would recommend',
  'i recommend',
  "i'd suggest",
  'you should',
  'you could use',
  'let me show',
  'let me walk you through',
  'demo',
  'pricing',
  'our pricing',
];

/** The customer stating a pressure or goal that makes them act. */
export const DRIVER_PHRASES: readonly string[] = [
  'we need',
  'our problem',
  'the problem is',
  "we're losing",
  'we are losing',
  'we lose',
  'costs us',
  'cost us',
  'we have to',
  'we must',
  'the goal is',
  'our goal',
  'pressure',
  'the board wants',
  'is hurting',
  'is killing us',
  'struggling',
  'pain point',
];

/** The customer stating a limit they live with. */
export const CONSTRAINT_PHRASES: readonly string[] = [
  'no budget',
  'budget',
  'freeze',
  "we can't",
  'we cannot',
  'not allowed',
  'not before',
  'deadline',
  'no headcount',
  'compliance',
  'gdpr',
  'legal',
  'policy',
  'limited',
];

/** The customer saying how they will judge success. */
export const SUCCESS_PHRASES: readonly string[] = [
  'success means',
  'success would be',
  'success looks like',
  'we would measure',
  "we'd measure",
  "we'll measure",
  'measured by',
  'on-time',
  'target',
  'kpi',
  'if we could get to',
  'would be a win',
];

/** Something that could go wrong for them if they act (or don't). */
export const RISK_PHRASES: readonly string[] = [
  'risk',
  'risky',
  'worried',
  'afraid',
  'concerned',
  'take the blame',
  'if this fails',
  'could go wrong',
  'get fired',
  'last time we tried',
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const patterns = new Map<string, RegExp>();

function patternFor(phrase: string): RegExp {
  let pattern = patterns.get(phrase);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\p{L}\\p{N}'])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`, 'iu');
    patterns.set(phrase, pattern);
  }
  return pattern;
}

/** The phrase that occurs first in the text (the longer one on a tie), or null. */
export function findPhrase(text: string, phrases: readonly string[]): string | null {
  const haystack = text.replace(/[’‘]/g, "'");
  let best: { phrase: string; at: number } | null = null;
  for (const phrase of phrases) {
    const at = haystack.search(patternFor(phrase));
    if (at < 0) continue;
    if (!best || at < best.at || (at === best.at && phrase.length > best.phrase.length))
      best = { phrase, at };
  }
  return best?.phrase ?? null;
}
