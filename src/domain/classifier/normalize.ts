import { isSpace } from '../text/trim-end.js';

/**
 * Turns Slack message text (as delivered in events) into plain text the rules can read:
 * Slack escapes `>`, `<` and `&` as `&gt;`, `&lt;`, `&amp;` and wraps mentions, channels and links in `<...>`.
 */
export interface NormalizedMessage {
  /** Plain text, code removed, one entry per line, trimmed, empty lines dropped. */
  lines: string[];
  /** The lines joined with newlines. */
  text: string;
  /** True when code blocks or inline code were removed (their words never count). */
  hadCode: boolean;
}

const SPECIAL_MENTIONS: Record<string, string> = {
  here: '@here',
  channel: '@channel',
  everyone: '@everyone',
};

function replaceSlackTokens(text: string): string {
  return text.replace(/<([^<>]+)>/g, (_match, inner: string) => {
    const [target = '', label] = inner.split('|', 2);
    if (target.startsWith('@')) return label ? `@${label}` : '@someone';
    if (target.startsWith('#')) return label ? `#${label}` : '#channel';
    if (target.startsWith('!')) return SPECIAL_MENTIONS[target.slice(1).split('^')[0] ?? ''] ?? '@group';
    return label ?? '(link)';
  });
}

function unescapeEntities(text: string): string {
  return text.replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&');
}

function straightenQuotes(text: string): string {
  return text.replace(/[“”„«»]/g, '"').replace(/[‘’‚]/g, "'");
}

function stripFormatting(text: string): string {
  const opened = text.replace(/:[a-z0-9_+-]+:/g, ' ').replace(/(^|[\s(])[*_~]+(?=\S)/g, '$1');
  return withoutClosingMarkers(opened);
}

const isMarker = (c: string | undefined) => c === '*' || c === '_' || c === '~';
const endsEmphasis = (c: string | undefined) => c === undefined || isSpace(c) || '.,!?;:)'.includes(c);

/**
 * Emphasis markers closing a word ("fast*," -> "fast,"), in one pass: what /(\S)[*_~]+(?=[\s.,!?;:)]|$)/g did.
 * A run of markers before white space, punctuation or the end goes; after white space or at the start, the
 * pattern kept its first marker (it read that one as the word), and a lone marker there stays.
 */
export function withoutClosingMarkers(text: string): string {
  let out = '';
  let index = 0;
  while (index < text.length) {
    if (!isMarker(text[index])) {
      out += text[index];
      index++;
      continue;
    }
    const start = index;
    while (isMarker(text[index])) index++;
    if (!endsEmphasis(text[index])) out += text.slice(start, index);
    else if (start > 0 && !isSpace(text[start - 1])) continue;
    else out += text[start];
  }
  return out;
}

export function normalizeSlackText(raw: string): NormalizedMessage {
  const withoutBlocks = raw.replace(/```[\s\S]*?(```|$)/g, '\n');
  const withoutCode = withoutBlocks.replace(/`[^`\n]*`/g, ' ');
  const hadCode = withoutCode !== raw;
  let text = replaceSlackTokens(withoutCode);
  text = unescapeEntities(text);
  text = text.replace(/\bhttps?:\/\/\S+/g, '(link)');
  text = straightenQuotes(text);
  text = stripFormatting(text);
  const lines = text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line.length > 0);
  return { lines, text: lines.join('\n'), hadCode };
}

/** Splits plain text into sentences (on line breaks and on . ! ? followed by a space). */
export function splitSentences(text: string): string[] {
  return text
    .split(/\n|(?<=[.!?])\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}
