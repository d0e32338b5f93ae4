import { isSpace } from '../text/trim-end.js';

/**
 * Hand-written, one-pass readers for attributions in notes ("Dana said …", "… (Dana)", "… - Dana", "quoted"),
 * replacing patterns whose backtracking was quadratic on long runs of spaces, dashes or quotation marks.
 */

const DASHES = '–—-';
const isDash = (c: string | undefined) => c !== undefined && DASHES.includes(c);

/** A name-like clause closing the text: "(X)" or " - X"; `index` is where the clause (and its lead-in) starts. */
export interface TrailingClause {
  index: number;
  inParentheses: string | undefined;
  afterDash: string | undefined;
}

/**
 * What /(?:\(([^()]+)\)|\s[–—-]\s*([^–—-]+))\s*$/ matched, or with `spaceBefore` the same pattern led by \s*
 * (its match then starts at the white space before the clause).
 */
export function trailingClause(text: string, spaceBefore = false): TrailingClause | null {
  const candidates: TrailingClause[] = [];
  const parenthesised = parenthesesAtEnd(text);
  if (parenthesised) candidates.push(parenthesised);
  const dashed = dashClauseAtEnd(text);
  if (dashed) candidates.push(dashed);
  if (candidates.length === 0) return null;
  const first = candidates.reduce((a, b) => (a.index <= b.index ? a : b));
  if (!spaceBefore) return first;
  let index = first.index;
  while (index > 0 && isSpace(text[index - 1])) index--;
  return { ...first, index };
}

function parenthesesAtEnd(text: string): TrailingClause | null {
  let close = text.length - 1;
  while (close >= 0 && isSpace(text[close])) close--;
  if (text[close] !== ')') return null;
  let open = close - 1;
  while (open >= 0 && text[open] !== '(' && text[open] !== ')') open--;
  if (open < 0 || text[open] !== '(' || close - open < 2) return null;
  return { index: open, inParentheses: text.slice(open + 1, close), afterDash: undefined };
}

function dashClauseAtEnd(text: string): TrailingClause | null {
  let dash = text.length - 1;
  while (dash >= 0 && !isDash(text[dash])) dash--;
  if (dash < 1 || dash === text.length - 1 || !isSpace(text[dash - 1])) return null;
  let start = dash + 1;
  while (start < text.length && isSpace(text[start])) start++;
  // The clause needs one character: when only white space follows the dash, the pattern gave it the last one.
  const afterDash = start < text.length ? text.slice(start) : text.slice(-1);
  return { index: dash - 1, inParentheses: undefined, afterDash };
}

const NOT_IN_NAME = ',:"“';
const isWordCharacter = (c: string | undefined) => c !== undefined && /^\w$/.test(c);

/** "said" (a whole word) after the white space starting at `end`; the index after "said", else -1. */
function saidAfter(text: string, end: number): number {
  if (!isSpace(text[end])) return -1;
  let word = end;
  while (isSpace(text[word])) word++;
  if (text.slice(word, word + 4) !== 'said' || isWordCharacter(text[word + 4])) return -1;
  return word + 4;
}

/**
 * "Dana said: we lose three days" -> name and words: what /^\s*([^,:"“]{1,40}?)\s+said\b[:,]?\s*(.*)$/s
 * matched (the shortest name of 1 to 40 characters after the leading white space, else, when "said" starts the
 * text after at least two spaces, one of those spaces as the name).
 */
export function saidAttribution(text: string): { name: string; words: string } | null {
  let lead = 0;
  while (isSpace(text[lead])) lead++;
  for (let end = lead + 1; end <= Math.min(lead + 40, text.length); end++) {
    if (NOT_IN_NAME.includes(text[end - 1] ?? '')) break;
    const after = saidAfter(text, end);
    if (after >= 0) return { name: text.slice(lead, end), words: wordsAfter(text, after) };
  }
  if (lead >= 2 && saidAfter(text, lead - 1) >= 0) {
    return { name: text[lead - 2] ?? '', words: wordsAfter(text, saidAfter(text, lead - 1)) };
  }
  return null;
}

function wordsAfter(text: string, index: number): string {
  let start = index;
  if (text[start] === ':' || text[start] === ',') start++;
  while (isSpace(text[start])) start++;
  return text.slice(start);
}

/** The text inside each "…" or “…” pair, left to right (what /"([^"]+)"|“([^”]+)”/g matched), in one pass. */
export function quotedSpans(text: string): string[] {
  const spans: string[] = [];
  const nextClose: Record<string, number> = { '"': -1, '”': -1 };
  const closeAfter = (close: string, from: number): number => {
    if ((nextClose[close] ?? -1) < from && nextClose[close] !== Number.POSITIVE_INFINITY) {
      const found = text.indexOf(close, from);
      nextClose[close] = found < 0 ? Number.POSITIVE_INFINITY : found;
    }
    return nextClose[close] ?? Number.POSITIVE_INFINITY;
  };
  let index = 0;
  while (index < text.length) {
    const open = text[index];
    const close = open === '"' ? '"' : open === '“' ? '”' : null;
    const end = close ? closeAfter(close, index + 1) : Number.POSITIVE_INFINITY;
    if (close && end > index + 1 && end !== Number.POSITIVE_INFINITY) {
      spans.push(text.slice(index + 1, end));
      index = end + 1;
    } else index++;
  }
  return spans;
}
