import { isSpace, trimEndWhere, trimStartWhere } from '../text/trim-end.js';
import { normalizeSlackText, splitSentences } from './normalize.js';
import {
  CUSTOMER_SOURCE,
  CUSTOMER_SUBJECT,
  OUR_SIDE_CUES,
  QUOTE_PREFIXES,
  SPEECH_VERB,
} from './word-lists.js';

export type QuoteForm = 'blockquote' | 'speech' | 'name_colon' | 'quotation_marks';

export interface CustomerQuote {
  /** The customer's words without `>`, quotation marks or "they said". */
  quote: string;
  form: QuoteForm;
  /** True when the message says who on the customer side said it. */
  attributed: boolean;
  reason: string;
}

/** Capitalised words that start sentences or label lines but are not people. */
const NOT_NAMES = new Set(
  (
    'i we you they it this that someone everyone nobody also me us our my note notes fyi update updates next agenda ' +
    'action actions tldr tl;dr re pricing plan status summary context todo reminder edit ps rep heads quick draft ' +
    'q a recap question answer decision risk ask goal issue problem blocker options nb important ok done call ' +
    'thanks demo proposal timeline budget here step steps update pitch'
  ).split(' '),
);

const SUBJECT_RE = new RegExp(`^${CUSTOMER_SUBJECT}\\b`, 'i');
const SUBJECT_SPEECH_RE = new RegExp(
  `(?:^|[\\s,(])${CUSTOMER_SUBJECT}(?: \\([^)]*\\))?(?: from [a-z ]{1,20}?)?,? ${SPEECH_VERB}\\b(.*)$`,
  'i',
);
const NAME = "[A-Z][a-zA-Z'áéíóúñ-]+(?: [A-Z][a-zA-Z'-]+)?";
const NAME_SPEECH_RE = new RegExp(
  `(?:^|[\\s,(])(${NAME})(?: \\([^)]*\\))?(?: from [a-z ]{1,20}?)?,? ${SPEECH_VERB}\\b(.*)$`,
);
const PER_RE = /\b(?:[Pp]er|[Aa]ccording to|[Ss]aid by) ([A-Za-z]+(?: [A-Za-z]+){0,5}?)\s*[:,]\s*(.+)$/;
const PREFIX_RE = new RegExp(`\\b(?:${QUOTE_PREFIXES.join('|')})\\b\\s*[:,-]?\\s*(.+)$`, 'i');
const NAME_COLON_RE = new RegExp(`^(${NAME}|${CUSTOMER_SUBJECT})(?: \\(([^)]{1,40})\\))?:\\s+(.+)$`, 'i');
const FIRST_PERSON_RE = /\b(?:we|we're|we've|we'd|our|us|i|i'm|i've|i'd|my|me)\b/i;
const ADDRESSING_RE = /^(?:can|could|would|will|pls|please|thanks|thank you|@)/i;
/** Verbs that often name a topic ("mentioned SSO") rather than introduce words; they need a clause after them. */
const TOPIC_VERB_RE = /\b(?:mentioned|flagged|shared|confirmed|noted|added|complained|quoted)\s*$/i;
const CLAUSE_START_RE =
  /^\s*(?:that\b|[:"]|,\s*")|^\s*(?:they|they're|we|we're|it|it's|he|she|there|our|their|everything|nothing|i|i'm)\b/i;
const QUOTED_SPAN_RE = /"([^"]{3,})"/;
const TRAILING_ATTRIBUTION_RE = new RegExp(
  `^\\s*(?:[-—–]{1,2}\\s*(?:${NAME}|${CUSTOMER_SUBJECT})|\\((?:${NAME}|${CUSTOMER_SUBJECT})|,? (?:said|says) |` +
    `,? (?:was how|is what|were (?:her|his|their) words))`,
  'i',
);
const OUR_SIDE_RE = new RegExp(OUR_SIDE_CUES, 'i');
const ATTRIBUTED_SUBJECT_RE = new RegExp(`\\b${CUSTOMER_SUBJECT}\\b|${CUSTOMER_SOURCE}`, 'i');
const ATTRIBUTED_NAME_RE = new RegExp(`(?:from|—|-|was|per) (?:${NAME})`);

function isPerson(candidate: string): boolean {
  const first = candidate.split(' ')[0]?.toLowerCase() ?? '';
  if (NOT_NAMES.has(first)) return false;
  return SUBJECT_RE.test(candidate) || /^[A-Z]/.test(candidate);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /\w/.test(word)).length;
}

/** Removes quotation marks, "that", "and I quote" and stray punctuation around the customer's words. */
export function cleanQuote(raw: string): string {
  const quoted = QUOTED_SPAN_RE.exec(raw);
  const text = quoted && wordCount(quoted[1] ?? '') >= 2 ? (quoted[1] ?? '') : raw;
  const unprefixed = text.replace(/^[\s,:;-]*(?:(?:and i quote|word for word|that)\b[\s,:;-]*)*/i, '');
  const isQuoteOrSpace = (c: string) => c === '"' || c === "'" || isSpace(c);
  return trimEndWhere(trimStartWhere(unprefixed, isQuoteOrSpace), isQuoteOrSpace).trim();
}

function fromBlockquote(lines: string[]): CustomerQuote | null {
  const quoted: string[] = [];
  const context: string[] = [];
  let restQuoted = false;
  for (const line of lines) {
    if (restQuoted || line.startsWith('>')) {
      if (line.startsWith('>>>')) restQuoted = true;
      quoted.push(line.replace(/^>+\s?/, ''));
    } else context.push(line);
  }
  if (quoted.length === 0) return null;
  const contextText = context.join(' ');
  if (OUR_SIDE_RE.test(contextText)) return null;
  const quote = cleanQuote(quoted.map((line) => line.replace(NAME_COLON_RE, '$3')).join(' '));
  if (wordCount(quote) < 3) return null;
  const attributed = ATTRIBUTED_SUBJECT_RE.test(contextText) || ATTRIBUTED_NAME_RE.test(contextText);
  return { quote, form: 'blockquote', attributed, reason: 'message quotes text with ">"' };
}

function fromNameColon(lines: string[]): CustomerQuote | null {
  const quotes: string[] = [];
  let who = '';
  for (const line of lines) {
    const match = NAME_COLON_RE.exec(line);
    if (!match) continue;
    const [, name = '', role, content = ''] = match;
    if (!isPerson(name) || ADDRESSING_RE.test(content) || content.trim().endsWith('?')) continue;
    const isRole = SUBJECT_RE.test(name) || Boolean(role);
    if (!isRole && !FIRST_PERSON_RE.test(content) && !content.startsWith('"')) continue;
    quotes.push(cleanQuote(content));
    who ||= role ? `${name} (${role})` : name;
  }
  const quote = quotes.join(' ');
  if (wordCount(quote) < 3) return null;
  return { quote, form: 'name_colon', attributed: true, reason: `message has a "${who}:" line` };
}

interface Attribution {
  rest: string;
  reason: string;
}

function trimAttribution(text: string): string {
  const started = trimStartWhere(text, (c) => c === ',' || c === '(' || isSpace(c));
  return trimEndWhere(started, (c) => c === ',' || c === ':' || isSpace(c));
}

/** Who said it and the words after the attribution, for the first attribution form that matches. */
function findAttribution(sentence: string): Attribution | null {
  const bySubject = SUBJECT_SPEECH_RE.exec(sentence);
  if (bySubject) {
    const rest = bySubject[1] ?? '';
    const who = trimAttribution(sentence.slice(bySubject.index, sentence.length - rest.length));
    return { rest, reason: `customer attribution "${who}"` };
  }
  const byName = NAME_SPEECH_RE.exec(sentence);
  if (byName && isPerson(byName[1] ?? ''))
    return { rest: byName[2] ?? '', reason: `attributed to "${byName[1]}"` };
  const byPer = PER_RE.exec(sentence);
  if (byPer && isPerson(byPer[1] ?? '')) {
    return {
      rest: byPer[2] ?? '',
      reason: `attributed with "${trimAttribution(byPer[0].split(/[:,]/)[0] ?? '')}"`,
    };
  }
  const byPrefix = PREFIX_RE.exec(sentence);
  if (byPrefix)
    return {
      rest: byPrefix[1] ?? '',
      reason: 'quote announced ("in their words", "quote from the call"...)',
    };
  return null;
}

function fromSpeech(sentences: string[]): CustomerQuote | null {
  for (const [index, sentence] of sentences.entries()) {
    const attribution = findAttribution(sentence);
    if (!attribution) continue;
    const { rest, reason } = attribution;
    const verbEnd = sentence.length - rest.length;
    if (TOPIC_VERB_RE.test(sentence.slice(0, verbEnd)) && !CLAUSE_START_RE.test(rest)) continue;
    if (sentence.trim().endsWith('?') && !/"/.test(rest)) continue;
    const quote = cleanQuote(rest.trim() ? rest : sentences.slice(index + 1).join(' '));
    if (wordCount(quote) >= 3) return { quote, form: 'speech', attributed: true, reason };
  }
  return null;
}

function fromQuotationMarks(text: string): CustomerQuote | null {
  for (const match of text.matchAll(/"([^"]{8,})"/g)) {
    const inside = match[1] ?? '';
    const after = text.slice((match.index ?? 0) + match[0].length);
    if (wordCount(inside) >= 3 && TRAILING_ATTRIBUTION_RE.test(after)) {
      return {
        quote: cleanQuote(inside),
        form: 'quotation_marks',
        attributed: true,
        reason: 'text in quotation marks attributed to someone',
      };
    }
  }
  return null;
}

/** Finds the customer's own words in a Slack message, or null when the message does not quote the customer. */
export function extractCustomerQuote(rawText: string): CustomerQuote | null {
  const { lines, text } = normalizeSlackText(rawText);
  const sentences = splitSentences(lines.filter((line) => !line.startsWith('>')).join('\n'));
  if (sentences.some((sentence) => OUR_SIDE_RE.test(sentence) && /"/.test(sentence))) return null;
  return (
    fromBlockquote(lines) ?? fromNameColon(lines) ?? fromSpeech(sentences) ?? fromQuotationMarks(text) ?? null
  );
}
