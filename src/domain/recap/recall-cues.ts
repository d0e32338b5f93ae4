import { findStemmedPhrase } from './word-stems.js';

/**
 * Cues that recover what the phrase lists miss in the way customers really talk: quantified impact, how
 * they decide, and people they mention who never spoke. All of them only propose; a person confirms.
 */

const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty|a hundred';
const FRACTION_WORDS = 'half|a third|a quarter|a fifth|a tenth|two thirds|three quarters|most|a lot';
const UNITS =
  'hours?|days?|weeks?|months?|people|reps|heads|fte|tickets|orders|shipments|deals|customers|calls|clicks|errors|complaints|invoices';
const PERIODS = 'a|per|every|each';

const QUANTITY_PATTERNS: readonly RegExp[] = [
  /(?<![\d.,])\d+(?:[.,]\d+)?\s?(?:%|percent\b|per cent\b)/i,
  /[$€£]\s?\d+(?:[.,]\d+)?\s?(?:k|m|mm|bn|million|billion|thousand)?\b/i,
  /(?<![\d.,])\d+(?:[.,]\d+)?\s?(?:k|m|bn|million|billion|thousand)\s+(?:dollars|euros|pounds|a year|per year|in revenue|revenue)\b/i,
  new RegExp(`\\b(?:${FRACTION_WORDS})\\s+of\\s+(?:our|their|the|its|my|all)\\b`, 'i'),
  new RegExp(
    `\\b(?:\\d+|${NUMBER_WORDS})\\s+(?:${UNITS})\\s+(?:${PERIODS})\\s+(?:day|week|month|quarter|year|sprint)\\b`,
    'i',
  ),
  new RegExp(`\\b(?:\\d+|${NUMBER_WORDS})\\s+(?:${UNITS})\\s+(?:on|lost|wasted|spent|of)\\b`, 'i'),
  new RegExp(
    `\\b(?:took|takes|take|taking|costs?|lose|loses|lost|losing|spend|spends|spent|waste|wastes|wasted)\\s+(?:us\\s+|them\\s+)?(?:about\\s+|roughly\\s+|nearly\\s+|over\\s+|almost\\s+)?(?:\\d+|${NUMBER_WORDS})\\s+(?:${UNITS})\\b`,
    'i',
  ),
];

/** The quantity that states an impact ("a fifth of our", "30% of", "two days a week"), or null. */
export function quantifiedImpact(sentence: string): string | null {
  for (const pattern of QUANTITY_PATTERNS) {
    const match = pattern.exec(sentence);
    if (match) return match[0].trim();
  }
  return null;
}

/** How the customer decides: approvals, process steps, criteria and timing (matched by word stems). */
export const DECISION_PROCESS_PHRASES: readonly string[] = [
  'sign off',
  'sign-off',
  'signs off',
  'approve',
  'approval',
  'needs three quotes',
  'three quotes',
  'three bids',
  'rfp',
  'rfq',
  'tender',
  'vendor assessment',
  'security review',
  'business case',
  'decide',
  'decision',
  'shortlist',
  'evaluate',
  'evaluation',
  'criteria',
  'after a pilot',
  'after the pilot',
  'proof of concept',
  'poc',
  'budget cycle',
  'procurement process',
  'buying process',
  'has the final say',
  'final say',
  'go through procurement',
  'goes to the board',
  'go to the board',
];

export function decisionProcessCue(sentence: string): string | null {
  return findStemmedPhrase(sentence, DECISION_PROCESS_PHRASES);
}

/** Groups and roles customers name when they talk about who else decides or blocks. */
const GROUPS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'the board', pattern: /\b(?:the|our|their)\s+board\b/i },
  { name: 'procurement', pattern: /\bprocurement\b|\bpurchasing\b/i },
  { name: 'legal', pattern: /\blegal\b(?!\s+(?:entity|entities|name|requirements?))/i },
  { name: 'finance', pattern: /\bfinance\b(?!\s+(?:system|module|data))/i },
  { name: 'IT', pattern: /\b(?:the\s+)?IT\s+(?:team|department|dept|director)\b|\bour IT\b/ },
  { name: 'security', pattern: /\b(?:infosec|security\s+team|the\s+CISO|CISO)\b/i },
  { name: 'the CFO', pattern: /\bCFO\b/ },
  { name: 'the CEO', pattern: /\bCEO\b/ },
  { name: 'the CIO', pattern: /\bCIO\b/ },
  { name: 'the CTO', pattern: /\bCTO\b/ },
  { name: 'the works council', pattern: /\bworks\s+council\b/i },
  { name: 'the steering committee', pattern: /\bsteering\s+(?:committee|group)\b/i },
  { name: 'compliance', pattern: /\bcompliance\s+(?:team|officer|department)\b/i },
];

/** The groups and roles named in a sentence ("the board", "procurement"), in a fixed order. */
export function mentionedGroups(sentence: string): string[] {
  return GROUPS.filter(({ pattern }) => pattern.test(sentence)).map(({ name }) => name);
}

/** True when a speaker label is that group or role ("Legal", "CFO", "Priya (Procurement)"). */
export function speakerIsGroup(speaker: string, group: string): boolean {
  const bare = group.toLowerCase().replace(/^the /, '');
  return speaker
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .includes(bare);
}
