/**
 * Inflection-tolerant phrase matching for the offline extractor: "takes the blame", "took the blame" and
 * "taking the blame" all match "take the blame". Words are compared by a light stem (plural, -s, -ed, -ing,
 * final e, doubled final consonant) plus a short table of irregular verbs; no regex over phrases, so matching
 * stays linear in the text.
 */

const IRREGULAR: Readonly<Record<string, string>> = {
  took: 'take',
  taken: 'take',
  lost: 'lose',
  spent: 'spend',
  got: 'get',
  gotten: 'get',
  made: 'make',
  said: 'say',
  went: 'go',
  gone: 'go',
  ran: 'run',
  bought: 'buy',
  thought: 'think',
  felt: 'feel',
  kept: 'keep',
  left: 'leave',
  paid: 'pay',
  were: 'be',
  was: 'be',
  is: 'be',
  are: 'be',
  "we've": 'we have',
  "we're": 'we are',
  "we'll": 'we will',
  "we'd": 'we would',
  "can't": 'cannot',
  "won't": 'will not',
};

const DOUBLED = /([b-df-hj-np-tv-z])\1$/;

/** The light stem of one lower-case word. */
export function stemWord(word: string): string {
  const lower = word.toLowerCase().replace(/[’‘]/g, "'");
  if (lower.length <= 3) return lower;
  let stem = lower;
  if (stem.endsWith('ies') || stem.endsWith('ied')) stem = `${stem.slice(0, -3)}y`;
  else if (stem.endsWith('ing') && stem.length > 5) stem = stem.slice(0, -3);
  else if (stem.endsWith('ed') && stem.length > 4) stem = stem.slice(0, -2);
  else if (stem.endsWith('es') && stem.length > 4) stem = stem.slice(0, -2);
  else if (stem.endsWith('s') && !stem.endsWith('ss') && !stem.endsWith('us')) stem = stem.slice(0, -1);
  if (stem.endsWith('e') && stem.length > 3) stem = stem.slice(0, -1);
  if (DOUBLED.test(stem)) stem = stem.slice(0, -1);
  return stem;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** The stems of the words of a text, with irregular forms and contractions expanded. */
export function stems(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const lower = match[0].toLowerCase().replace(/’/g, "'");
    const expanded = IRREGULAR[lower];
    if (expanded) for (const word of expanded.split(' ')) out.push(stemWord(word));
    else out.push(stemWord(lower));
  }
  return out;
}

const phraseStems = new Map<string, string[]>();

function stemsOfPhrase(phrase: string): string[] {
  let cached = phraseStems.get(phrase);
  if (!cached) {
    cached = stems(phrase);
    phraseStems.set(phrase, cached);
  }
  return cached;
}

function indexOfSequence(haystack: readonly string[], needle: readonly string[]): number {
  if (needle.length === 0) return -1;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** The phrase whose words (by stem) occur first in the text, the longer one on a tie; null when none. */
export function findStemmedPhrase(text: string, phrases: readonly string[]): string | null {
  const words = stems(text);
  let best: { phrase: string; at: number; length: number } | null = null;
  for (const phrase of phrases) {
    const needle = stemsOfPhrase(phrase);
    const at = indexOfSequence(words, needle);
    if (at < 0) continue;
    if (!best || at < best.at || (at === best.at && needle.length > best.length))
      best = { phrase, at, length: needle.length };
  }
  return best?.phrase ?? null;
}
