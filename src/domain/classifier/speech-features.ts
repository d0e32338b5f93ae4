import type { AnalyzedToken } from './analysis.js';

/**
 * Cues that someone other than the author is speaking: who the subject of a speech or stance verb is ("their head of
 * finance says", "the CEO wants", "they're worried"), reported clauses with no subject ("noted that ..."), sources
 * ("heard back from Tomasz:", "from the call ->", "according to"), hearsay ("sounds like"), quotes in single or
 * curly quotation marks, first person inside a quote, and trailing attributions ("(Priya)"). General grammar and
 * punctuation, not sentences: the model weighs each cue from the train split.
 */

type Hit = (name: string, from: number, to?: number) => void;

/** Verbs that report speech. */
export const SPEECH = new Set(
  (
    'say mention flag tell complain note confirm explain warn admit describe raise worry share insist stress ' +
    'emphasise emphasize reckon repeat highlight grumble moan vent'
  ).split(' '),
);
/** Verbs of wanting, needing and feeling: what a customer "wants", "needs", "hates", "is worried about". */
const STANCE = new Set(
  (
    'want need require expect hope fear worry hate love prefer refuse struggle plan think feel believe care ' +
    'insist demand dread doubt like dislike trust distrust'
  ).split(' '),
);
/** Feelings said of someone: "they're worried", "the CFO is fed up". */
const FEELING = new Set(
  (
    'worried concerned frustrated annoyed nervous sceptical skeptical unhappy upset stressed scared desperate ' +
    'keen excited stuck tired fed burnt burned angry furious livid anxious wary adamant clear firm convinced ' +
    'happy disappointed'
  ).split(' '),
);
/** Who a customer is when not named: roles, functions and bodies ("their CFO", "the board", "legal"). */
export const ROLES = new Set(
  (
    'cfo ceo cio cto coo cro cmo ciso cpo vp svp evp head director manager board procurement legal finance ' +
    'security ops operations team champion buyer sponsor founder owner chair committee stakeholder president ' +
    'boss exec executive executives leadership controller counsel lawyer gm md customer client prospect planner ' +
    'planners dispatcher dispatchers engineer engineers analyst analysts staff user users warehouse hr'
  ).split(' '),
);
const FIRST_PERSON = new Set(['i', 'we', 'let', "let's", 'us', 'me', "i'm", 'my', 'our']);
const HEARSAY_ADVERBS = new Set(['apparently', 'reportedly', 'supposedly', 'allegedly', 'evidently']);
const SOURCE_NOUNS = new Set(
  (
    'call meeting notes qbr discovery demo workshop debrief convo conversation chat email thread sync session ' +
    'visit interview lunch dinner'
  ).split(' '),
);

type Speaker = 'first' | 'second' | 'third';

function subjectAt(tokens: AnalyzedToken[], index: number): number {
  for (let at = index - 1; at >= Math.max(0, index - 4); at -= 1) {
    const token = tokens[at];
    if (!token) break;
    if (token.pos === 'PRON' || token.pos === 'PROPN' || token.pos === 'NOUN') return at;
  }
  return -1;
}

/** Who the subject is: "I", "we", and "our CFO" or "Jess (our SE)" are our side; "you" is the reader. */
function speakerOf(tokens: AnalyzedToken[], at: number): Speaker | null {
  const lemma = tokens[at]?.lemma;
  if (lemma === undefined) return null;
  if (FIRST_PERSON.has(lemma)) return 'first';
  if (lemma === 'you') return 'second';
  const owner = tokens.slice(Math.max(0, at - 2), at).map((token) => token.lemma);
  return owner.includes('our') || owner.includes('my') ? 'first' : 'third';
}

const EMBEDDING = new Set(['what', 'how', 'why', 'whether', 'if', 'who', 'which', 'when']);

/** "find out what the CFO thinks": the verb sits in an embedded question, so nobody said anything yet. */
function inEmbeddedQuestion(tokens: AnalyzedToken[], subject: number): boolean {
  return tokens.slice(Math.max(0, subject - 3), subject).some((token) => EMBEDDING.has(token.lemma));
}

/** A role subject: "the CFO", "their head of finance", "legal". */
function isRoleSubject(tokens: AnalyzedToken[], subject: number): boolean {
  for (let at = subject; at >= Math.max(0, subject - 3); at -= 1) {
    const token = tokens[at];
    if (token && (ROLES.has(token.lemma) || token.lemma === 'their' || token.text === 'IT')) return true;
  }
  return false;
}

/** "needs" and "wants" right after a noun are often tagged as nouns ("legal needs 4 weeks"): still verbs here. */
function isVerbLike(tokens: AnalyzedToken[], at: number): boolean {
  const token = tokens[at];
  if (!token) return false;
  if (token.pos === 'VERB' || token.pos === 'AUX') return true;
  const previous = tokens[at - 1];
  return (
    token.pos === 'NOUN' &&
    /s$/.test(token.text) &&
    (previous?.pos === 'NOUN' || previous?.pos === 'PROPN' || previous?.pos === 'ADJ')
  );
}

function isPastForm(token: AnalyzedToken): boolean {
  const lower = token.text.toLowerCase();
  return lower !== token.lemma && !lower.endsWith('ing') && !lower.endsWith('s');
}

/**
 * Clause cues of one sentence. `quoted[i]` is true for tokens inside quotation marks: there "we" and "our" are the
 * speaker's, not the author's.
 */
export function reportedSpeechFeatures(
  tokens: AnalyzedToken[],
  quoted: boolean[],
  question: boolean,
  hit: Hit,
): void {
  tokens.forEach((token, at) => {
    const lemma = token.lemma;
    if (quoted[at]) {
      if (FIRST_PERSON.has(lemma) && lemma !== 'let') hit('<quoted_we>', at);
      return;
    }
    const subject = subjectAt(tokens, at);
    const speaker = subject >= 0 ? speakerOf(tokens, subject) : null;
    const verbLike = isVerbLike(tokens, at);
    const third = speaker === 'third' && !question && !inEmbeddedQuestion(tokens, subject);
    if (third && verbLike && SPEECH.has(lemma)) {
      if (isRoleSubject(tokens, subject)) hit('<role_said>', subject, at + 1);
      const next = tokens[at + 1];
      if (next && ((next.lemma === 'that' && next.pos === 'SCONJ') || next.text === ':' || next.text === '"'))
        hit('<reported_that>', at);
    }
    if (third && verbLike && STANCE.has(lemma) && !token.negated) {
      hit(isRoleSubject(tokens, subject) ? '<role_wants>' : '<they_want>', subject, at + 1);
    }
    if (third && FEELING.has(token.text.toLowerCase())) hit('<they_feel>', subject, at + 1);
    if (at === 0 && token.pos === 'VERB' && SPEECH.has(lemma) && isPastForm(token) && lemma !== 'tell') {
      hit('<bare_reported>', at);
    }
    if (at === 0 && lemma === 'tell' && isPastForm(token)) hit('<bare_told>', at);
    if (lemma === 'hear' && token.text.toLowerCase() !== 'hear') {
      const next = tokens[at + 1]?.lemma === 'back' ? at + 2 : at + 1;
      if (tokens[next]?.lemma === 'from') hit('<heard_from>', at, next + 1);
    }
    if (
      (lemma === 'sound' || lemma === 'seem') &&
      (tokens[at + 1]?.lemma === 'like' || tokens[at + 1]?.lemma === 'as')
    ) {
      hit('<hearsay>', at, at + 2);
    }
    if (HEARSAY_ADVERBS.has(lemma)) hit('<hearsay>', at);
    if (token.text.toLowerCase() === 'according' && tokens[at + 1]?.lemma === 'to')
      hit('<according_to>', at, at + 2);
    if (lemma === 'paraphrase' || (lemma === 'quote' && tokens[at + 1]?.lemma === 'from'))
      hit('<according_to>', at);
    if (lemma === 'word' && (tokens[at - 1]?.lemma === 'their' || tokens[at - 1]?.text === "'s")) {
      hit('<according_to>', at - 1, at + 1);
    }
    if (
      lemma === 'from' &&
      tokens[at + 1]?.lemma === 'the' &&
      SOURCE_NOUNS.has(tokens[at + 2]?.lemma ?? '')
    ) {
      hit('<from_source>', at, at + 3);
    }
  });
}

const OPENING_BEFORE = new Set([' ', ':', '(', '>', '-', '—', '[', ',']);
const CLOSING_AFTER = new Set([' ', '.', ',', '!', '?', ';', ':', ')', '-', '—']);
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * 'single' quotation marks used as quotes become "double" ones, so quotes read the same whichever marks were typed.
 * An opening mark follows a space or punctuation and precedes a letter; a closing one follows a non-space and ends a
 * word; apostrophes inside words ("I'm", "don't") are neither.
 */
export function pairSingleQuotes(line: string): string {
  let open = -1;
  const chars = [...line];
  for (let at = 0; at < chars.length; at += 1) {
    if (chars[at] !== "'") continue;
    const before = chars[at - 1];
    const after = chars[at + 1];
    if (open < 0) {
      if (
        (before === undefined || OPENING_BEFORE.has(before)) &&
        after !== undefined &&
        WORD_CHAR.test(after)
      )
        open = at;
    } else if (
      before !== undefined &&
      before !== ' ' &&
      (after === undefined || CLOSING_AFTER.has(after)) &&
      at - open > 3
    ) {
      chars[open] = '"';
      chars[at] = '"';
      open = -1;
    }
  }
  return chars.join('');
}

/** Marks the tokens inside "quotation marks", carrying an open quote across sentences of one line. */
export function quotedTokens(
  tokens: AnalyzedToken[],
  openAtStart: boolean,
): { mask: boolean[]; open: boolean } {
  let open = openAtStart;
  const mask = tokens.map((token) => {
    if (token.text === '"') {
      open = !open;
      return false;
    }
    return open;
  });
  return { mask, open };
}

const SEPARATORS = [': ', ' -> ', ' => ', '->', ' — ', ' – '];

/** Where a short lead-in before ":" or "->" ends ("Heard back from Tomasz: ...", "big one from the call -> ..."). */
function leadIn(line: string): { lead: string; rest: string } | null {
  let best: { lead: string; rest: string } | null = null;
  for (const separator of SEPARATORS) {
    const at = line.indexOf(separator);
    if (at <= 0 || (best && at >= best.lead.length)) continue;
    best = { lead: line.slice(0, at), rest: line.slice(at + separator.length) };
  }
  return best;
}

const ATTRIBUTING = new Set(['per', 'via', 'from', 'their', 'the']);

function trimEnd(line: string): string {
  let end = line.length;
  while (end > 0 && '.! '.includes(line[end - 1] ?? '')) end -= 1;
  return line.slice(0, end);
}

/** A lead-in of at most 7 words that names a person, role or source, with a statement of 3+ words after it. */
function isAttributingLeadIn(split: { lead: string; rest: string }): boolean {
  const leadWords = split.lead.trim().split(' ');
  const restWords = split.rest.trim().split(' ').filter(Boolean);
  const names = leadWords.some((word, index) => index > 0 && /^[A-Z][a-z]/.test(word));
  const sources = leadWords.some((word) => {
    const lower = word.toLowerCase().replace(/[^a-z]/g, '');
    return (
      ROLES.has(lower) || word === 'IT' || SOURCE_NOUNS.has(lower) || lower === 'from' || lower === 'per'
    );
  });
  return leadWords.length <= 7 && restWords.length >= 3 && (names || sources);
}

/**
 * Line cues: a short lead-in naming a person, role or source before ":" or "->" with a statement after it, and a
 * trailing "(Priya)" or "(their CFO)" attribution.
 */
export function attributionFeatures(line: string, whole: (name: string) => void): void {
  const split = leadIn(line);
  if (split && isAttributingLeadIn(split)) whole('<lead_in_colon>');
  if (trailingAttributionStart(trimEnd(line)) !== null) whole('<paren_attribution>');
}

/** What a trailing "(Priya)" or "(their CFO)" encloses, or null. */
function trailingAttributionStart(line: string): number | null {
  if (!line.endsWith(')')) return null;
  const open = line.lastIndexOf('(');
  const inside = open > 0 ? line.slice(open + 1, -1).trim() : '';
  const words = inside.split(' ');
  const first = (words[0] ?? '').toLowerCase();
  const named = /^[A-Z][a-z]/.test(inside) || inside === 'IT' || ROLES.has(first);
  return open > 0 && words.length <= 4 && inside !== 'link' && (named || ATTRIBUTING.has(first))
    ? open
    : null;
}

/**
 * The relayed words of a line without who relayed them: "Heard back from Tomasz: legal needs 4 weeks" -> "legal needs
 * 4 weeks", "the risk is the union talks (Priya)" -> "the risk is the union talks".
 */
export function withoutAttribution(line: string): string {
  let text = line.trim();
  const split = leadIn(text);
  if (split && isAttributingLeadIn(split)) text = split.rest.trim();
  const paren = trailingAttributionStart(trimEnd(text));
  if (paren !== null) text = text.slice(0, paren).trim();
  return text;
}
