import type { AnalyzedSentence, AnalyzedToken, TextAnalyzer } from './analysis.js';
import { expandChatShorthand } from './chat-english.js';
import { normalizeSlackText } from './normalize.js';
import {
  attributionFeatures,
  pairSingleQuotes,
  quotedTokens,
  ROLES,
  reportedSpeechFeatures,
  SPEECH,
} from './speech-features.js';

/** One feature found in a message, with the words that produced it (for "this read as pitching because ..."). */
export interface FeatureHit {
  name: string;
  sentence: number;
  /** Token range [from, to) inside the sentence. */
  from: number;
  to: number;
}

export interface MessageFeatures {
  sentences: AnalyzedSentence[];
  hits: FeatureHit[];
  /** Lines as posted after Slack markup was removed (for quote extraction). */
  lines: string[];
}

/** Longer messages are cut here: the opening carries the intent, and the cut keeps classification fast. */
export const MAX_ANALYSED_CHARS = 1200;

const FIRST_PERSON = new Set(['i', 'we', 'let', "let's", 'us', 'me']);
const THIRD_PERSON = new Set(['he', 'she', 'they', 'them', 'it']);
const ADVICE_MODALS = new Set(['should', 'need', 'ought', 'must', 'have']);
const FUTURE = new Set(['will', 'going', 'go', 'plan', 'about', 'want', 'gonna']);
const SOURCE_OPENERS =
  /^(?:per|according to|from the (?:call|notes|qbr|discovery|meeting|demo)|from discovery|quote from)\b/i;
const NAME_COLON = /^[A-Z][\w'-]*(?: [A-Z][\w'-]*)?(?: \([^)]{1,40}\))?:\s/;
const QUOTED_SPAN = /"[^"]{8,}"/;
const DASH_ATTRIBUTION = /["']?\s[-—–]{1,2}\s?[A-Za-z][\w' ]{0,40}$/;
const LAUGH = /^(?:lol|lmao|haha\w*|hehe|rofl)$/;
const EMOJI = /\p{Extended_Pictographic}/u;
const LAUGH_EMOJI = /[😂🤣😅😆🙃😜😎]/u;
const NUMBER = /\d/;
const CURRENCY = /^[£$€¥]/;
/**
 * Word classes that let the model generalise past the products and names in its training messages: what we
 * offer or show, verbs of showing or selling, and verbs of finding out. They are features (weighted by training),
 * not rules.
 */
const WORD_CLASSES: Record<string, ReadonlySet<string>> = {
  '<offer>': new Set(
    (
      'demo pricing price quote proposal deck tier plan module platform product solution add-on addon bundle ' +
      'package licence license case study one-pager brochure datasheet roi calculator whitepaper trial pilot ' +
      'upgrade discount contract feature dashboard app integration portal roadmap sandbox enterprise premium pro ' +
      'tool suite offering'
    ).split(' '),
  ),
  '<role>': ROLES,
  '<sell_verb>': new Set(
    (
      'demo demoed pitch present show showcase propose recommend suggest quote offer sell position send share ' +
      'email forward walk tour replace switch move upgrade roll standardise standardize adopt use buy include ' +
      'lead push advise tell'
    ).split(' '),
  ),
  '<learn_verb>': new Set(
    (
      'ask find understand learn dig probe explore hear listen discover clarify figure map interview check ' +
      'wonder curious question know measure'
    ).split(' '),
  ),
};

/** Parts of speech that count only inside bigrams: alone they carry style, not intent. */
const FUNCTION_POS = new Set(['DET', 'ADP', 'CCONJ', 'SCONJ']);
const WH_WORDS = new Set(['what', 'who', 'when', 'where', 'why', 'which', 'how', 'whom', 'whose']);

function isQuestion(sentence: AnalyzedSentence): boolean {
  const tokens = sentence.tokens;
  if (tokens.some((token) => token.text === '?')) return true;
  const first = tokens[0]?.lemma ?? '';
  return WH_WORDS.has(first) && tokens.length >= 4 && !tokens.some((token) => token.text === '.');
}

/** The word as the model sees it: lemma, with names, numbers, money and laughter folded into one symbol each. */
function wordOf(token: AnalyzedToken): string | null {
  const text = token.text;
  if (token.pos === 'PUNCT')
    return text === '?' || text === '!' || text === ':' || text === '"' ? text : null;
  if (LAUGH.test(token.lemma) || LAUGH_EMOJI.test(text)) return '<laugh>';
  if (EMOJI.test(text)) return '<emoji>';
  if (CURRENCY.test(text)) return '<money>';
  if (NUMBER.test(text)) return '<num>';
  if (token.pos === 'PROPN' && /^[A-Z]/.test(text)) return '<name>';
  return token.lemma;
}

/** A verb in a past form: "sent", "told", "showed", "demoed" (lemma differs and it is not -ing or -s). */
function isPastVerb(token: AnalyzedToken): boolean {
  if (token.pos !== 'VERB') return false;
  const lower = token.text.toLowerCase();
  return lower !== token.lemma && !lower.endsWith('ing') && !lower.endsWith('s');
}

function subjectBefore(tokens: AnalyzedToken[], index: number): AnalyzedToken | null {
  for (let at = index - 1; at >= Math.max(0, index - 4); at -= 1) {
    const token = tokens[at];
    if (!token) break;
    if (token.pos === 'PRON' || token.pos === 'PROPN' || token.pos === 'NOUN') return token;
  }
  return null;
}

/** A subject pronoun starts a new clause: "recommend we ..." recommends what we do, not the offer after it. */
const CLAUSE_SUBJECTS = new Set(['i', 'we', 'they', 'he', 'she']);
const isSellVerb = (token: AnalyzedToken) => WORD_CLASSES['<sell_verb>']?.has(token.lemma) === true;

/**
 * A selling verb whose object is something we offer: "demo the workflow builder", "sent them the ROI deck". The
 * nearest verb before the offer word must be the selling verb ("recommend we all block Friday for the proposal
 * review" recommends what we do, not the proposal).
 */
function pitchClause(tokens: AnalyzedToken[]): { from: number; to: number } | null {
  for (let offer = 0; offer < tokens.length; offer += 1) {
    const token = tokens[offer];
    if (!token || token.negated || WORD_CLASSES['<offer>']?.has(token.lemma) !== true) continue;
    for (let at = offer - 1; at >= 0; at -= 1) {
      const before = tokens[at];
      if (!before) break;
      if (isSellVerb(before) && !before.negated) return { from: at, to: offer + 1 };
      if (before.pos === 'VERB' || CLAUSE_SUBJECTS.has(before.lemma)) break;
    }
  }
  return null;
}

function sentenceFeatures(
  sentence: AnalyzedSentence,
  index: number,
  quoted: boolean[],
  hits: FeatureHit[],
): void {
  const tokens = sentence.tokens;
  const question = isQuestion(sentence);
  const hit = (name: string, from: number, to = from + 1) => hits.push({ name, sentence: index, from, to });
  if (question) hit('<question>', 0, tokens.length);
  const words: { word: string; at: number }[] = [];
  tokens.forEach((token, at) => {
    const word = wordOf(token);
    if (word === null) return;
    const scoped = token.negated ? `not_${word}` : question && /^[a-z]/.test(word) ? `q_${word}` : word;
    words.push({ word: scoped, at });
    if (!FUNCTION_POS.has(token.pos)) hit(scoped, at);
    for (const [name, members] of Object.entries(WORD_CLASSES)) {
      if (!members.has(token.lemma)) continue;
      hit(token.negated ? `not_${name}` : question ? `q_${name}` : name, at);
    }
    if (token.negated) hit('<negated>', at);
  });
  const inClass = (name: string) =>
    tokens.findIndex((token) => !token.negated && WORD_CLASSES[name]?.has(token.lemma) === true);
  const pitch = question ? null : pitchClause(tokens);
  if (pitch) hit('<pitch_clause>', pitch.from, pitch.to);
  const learnAt = inClass('<learn_verb>');
  if (
    learnAt >= 0 &&
    tokens.slice(learnAt + 1).some((token) => WH_WORDS.has(token.lemma) || token.lemma === 'about')
  ) {
    hit('<ask_clause>', learnAt);
  }
  const first = words[0];
  if (first) hit(`^ ${first.word}`, first.at);
  for (let at = 1; at < words.length; at += 1) {
    const left = words[at - 1];
    const right = words[at];
    if (left && right) hit(`${left.word} ${right.word}`, left.at, right.at + 1);
  }
  reportedSpeechFeatures(tokens, quoted, question, hit);
  tokens.forEach((token, at) => {
    if (quoted[at]) return;
    const subject = subjectBefore(tokens, at);
    const subjectLemma = subject?.lemma ?? '';
    const firstPerson = FIRST_PERSON.has(subjectLemma);
    if (SPEECH.has(token.lemma) && token.pos === 'VERB' && subject) {
      hit(firstPerson ? '<we_told>' : '<they_said>', at);
    }
    if (isPastVerb(token)) hit(firstPerson || !subject ? '<we_did>' : '<they_did>', at);
    if (token.pos === 'AUX' || token.pos === 'VERB') {
      if (firstPerson && FUTURE.has(token.lemma)) hit('<we_will>', at);
      if ((THIRD_PERSON.has(subjectLemma) || subject?.pos === 'PROPN') && ADVICE_MODALS.has(token.lemma)) {
        hit('<they_should>', at);
      }
    }
    if (token.lemma === 'our' && tokens[at + 1]?.pos !== 'PRON') hit('<our_thing>', at, at + 2);
  });
  const firstToken = tokens[0];
  if (firstToken?.pos === 'VERB' && firstToken.text.toLowerCase() === firstToken.lemma && !question) {
    hit('<imperative>', 0);
  }
}

function lineFeatures(lines: string[], hits: FeatureHit[]): void {
  const whole = (name: string) => hits.push({ name, sentence: -1, from: 0, to: 0 });
  if (lines.some((line) => line.startsWith('>'))) whole('<blockquote>');
  if (lines.some((line) => SOURCE_OPENERS.test(line))) whole('<per_source>');
  if (lines.some((line) => NAME_COLON.test(line))) whole('<name_colon>');
  if (lines.some((line) => QUOTED_SPAN.test(line))) whole('<quoted>');
  if (lines.some((line) => DASH_ATTRIBUTION.test(line))) whole('<dash_attribution>');
  for (const line of lines) attributionFeatures(line.replace(/^>+\s?/, ''), whole);
}

/**
 * Reads a Slack message into features for the model: lemmas and lemma bigrams (negated words as `not_x`, words in
 * questions as `q_x`), and clause cues from the analyser: who speaks ("they said" vs "I told"), plans ("we will"),
 * reports ("sent", "showed"), third-person advice ("he should"), imperatives, quotes and attributions.
 */
export function extractFeatures(rawText: string, analyze: TextAnalyzer): MessageFeatures {
  const lines = normalizeSlackText(rawText.slice(0, MAX_ANALYSED_CHARS)).lines.map(pairSingleQuotes);
  const sentences: AnalyzedSentence[] = [];
  const hits: FeatureHit[] = [];
  for (const line of lines) {
    const body = expandChatShorthand(line.replace(/^>+\s?/, ''));
    if (body.trim().length === 0) continue;
    let open = false;
    for (const sentence of analyze(body)) {
      const quoted = quotedTokens(sentence.tokens, open);
      open = quoted.open;
      sentenceFeatures(sentence, sentences.length, quoted.mask, hits);
      sentences.push(sentence);
    }
  }
  lineFeatures(lines, hits);
  const wordCount = sentences.reduce((sum, sentence) => sum + sentence.tokens.length, 0);
  if (wordCount <= 4) hits.push({ name: '<short>', sentence: -1, from: 0, to: 0 });
  return { sentences, hits, lines };
}

/** The distinct feature names of a message (the model's input is binary: present or not). */
export function featureNames(features: MessageFeatures): string[] {
  return [...new Set(features.hits.map((hit) => hit.name))];
}
