import type { AnalyzedSentence, TextAnalyzer } from './analysis.js';
import { attributedQuote } from './attributed-quote.js';
import { extractFeatures, type FeatureHit, featureNames } from './features.js';
import { featureLean, type LinearModel, logits, softmax } from './model.js';
import { cleanQuote, extractCustomerQuote } from './quote.js';
import { isTrivialQuote, suggestKind } from './rules.js';
import { withoutAttribution } from './speech-features.js';
import { TRAINED_MODEL } from './trained-model.js';
import { type ClassifierResult, MESSAGE_LABELS, type MessageClassifier, type MessageLabel } from './types.js';

/** Words shown as "why" at most, and the longest evidence span in words. */
const TOP_WORDS = 4;
const EVIDENCE_WORDS = 18;

const round = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;

interface SentenceWeight {
  index: number;
  lean: number;
  best: FeatureHit | null;
  bestLean: number;
}

/** How much each sentence pushes towards a class, and its strongest feature. */
function sentenceWeights(
  model: LinearModel,
  hits: FeatureHit[],
  label: number,
  count: number,
): SentenceWeight[] {
  const rows: SentenceWeight[] = Array.from({ length: count }, (_, index) => ({
    index,
    lean: 0,
    best: null,
    bestLean: 0,
  }));
  const seen = new Set<string>();
  for (const hit of hits) {
    const row = rows[hit.sentence];
    if (!row || seen.has(`${hit.sentence}:${hit.name}`)) continue;
    seen.add(`${hit.sentence}:${hit.name}`);
    const lean = featureLean(model, hit.name, label);
    row.lean += lean;
    if (lean > row.bestLean) {
      row.best = hit;
      row.bestLean = lean;
    }
  }
  return rows;
}

function surface(sentence: AnalyzedSentence | undefined, from: number, to: number): string {
  if (!sentence) return '';
  return sentence.tokens
    .slice(from, to)
    .map((token) => token.text)
    .join(' ')
    .replace(/ (?=[,.!?;:%]|'|n't)/g, '')
    .trim();
}

function topWords(
  model: LinearModel,
  sentences: AnalyzedSentence[],
  hits: FeatureHit[],
  label: number,
): string[] {
  const ranked = hits
    .filter((hit) => hit.sentence >= 0 && hit.to > hit.from)
    .map((hit) => ({ hit, lean: featureLean(model, hit.name, label) }))
    .filter((entry) => entry.lean > 0)
    .sort((a, b) => b.lean - a.lean);
  const words: string[] = [];
  for (const { hit } of ranked) {
    const text = surface(sentences[hit.sentence], hit.from, hit.to);
    if (text.length < 2 || words.includes(text)) continue;
    words.push(text);
    if (words.length >= TOP_WORDS) break;
  }
  return words;
}

function evidenceOf(sentence: AnalyzedSentence | undefined, best: FeatureHit | null): string | null {
  if (!sentence) return null;
  if (sentence.tokens.length <= EVIDENCE_WORDS) return sentence.text.trim();
  const centre = best?.from ?? 0;
  const from = Math.max(0, Math.min(centre - 4, sentence.tokens.length - EVIDENCE_WORDS));
  const to = from + EVIDENCE_WORDS;
  return `${from > 0 ? '… ' : ''}${surface(sentence, from, to)}${to < sentence.tokens.length ? ' …' : ''}`;
}

function isQuestionSentence(index: number, hits: FeatureHit[]): boolean {
  return hits.some((hit) => hit.sentence === index && hit.name === '<question>');
}

/** "don't pitch", "won't demo", "never showed": a not/never right before the verb, not "no point showing". */
function isSaidNot(sentence: AnalyzedSentence | undefined, at: number): boolean {
  const before = sentence?.tokens.slice(Math.max(0, at - 2), at) ?? [];
  return before.some((token) => token.lemma === 'not' || token.lemma === 'never');
}

function neutral(reason: string): ClassifierResult {
  return {
    label: 'neutral',
    confidence: 1,
    reasons: [reason],
    topWords: [],
    evidence: null,
    quote: null,
    suggestedKind: null,
  };
}

/**
 * Classifies a deal-channel message with the trained model over NLP features, then applies explainable overrides: a
 * pitch must be stated (a message whose pitch words all sit in questions or negations is not one), a `>` quote or
 * words in quotation marks attributed to someone outside our team are the customer's words (the latter only when the
 * model gives customer words at least a one-in-four chance), and relayed words that are only small talk ("they said
 * thanks") are not worth logging.
 */
export function classifyMessage(
  rawText: string,
  analyze: TextAnalyzer,
  model: LinearModel = TRAINED_MODEL,
): ClassifierResult {
  const features = extractFeatures(rawText, analyze);
  if (features.sentences.length === 0) return neutral('nothing to read outside code and links');
  const probabilities = softmax(logits(model, featureNames(features)));
  const ranked = MESSAGE_LABELS.map((label, index) => ({ label, index, p: probabilities[index] ?? 0 })).sort(
    (a, b) => b.p - a.p,
  );
  const notes: string[] = [];
  let choice = ranked[0] ?? { label: 'neutral' as MessageLabel, index: 3, p: 1 };
  let weights = sentenceWeights(model, features.hits, choice.index, features.sentences.length);

  if (choice.label === 'prescribing') {
    const stated = weights.filter((row) => row.lean > 0 && !isQuestionSentence(row.index, features.hits));
    const heldBackIn = new Set(
      features.hits
        .filter(
          (hit) => hit.name === 'not_<sell_verb>' && isSaidNot(features.sentences[hit.sentence], hit.from),
        )
        .map((hit) => hit.sentence),
    );
    const heldBack =
      heldBackIn.size > 0 &&
      !features.hits.some((hit) => hit.name === '<sell_verb>') &&
      stated.every((row) => heldBackIn.has(row.index));
    if (stated.length === 0 || heldBack) {
      notes.push(
        heldBack
          ? 'the only selling verb is negated ("don\'t pitch"), so the pitch is held back'
          : 'the pitch words sit only in questions, so this is not a pitch',
      );
      choice = ranked[1] ?? choice;
      weights = sentenceWeights(model, features.hits, choice.index, features.sentences.length);
    }
  }

  // Second reading with 'single' quotes paired into "double" ones, which the quote extractor knows.
  const found = extractCustomerQuote(rawText) ?? extractCustomerQuote(features.lines.join('\n'));
  if (found?.form === 'blockquote' && choice.label !== 'customer_words' && !isTrivialQuote(found.quote)) {
    notes.push('a ">" quote with no sign it is our own draft is the customer\'s words');
    choice = ranked.find((entry) => entry.label === 'customer_words') ?? choice;
    weights = sentenceWeights(model, features.hits, choice.index, features.sentences.length);
  }

  const customerWords = ranked.find((entry) => entry.label === 'customer_words');
  if (
    choice.label !== 'customer_words' &&
    (customerWords?.p ?? 0) >= 1 / MESSAGE_LABELS.length &&
    attributedQuote(features) !== null
  ) {
    notes.push("words in quotation marks attributed to someone outside our team are the customer's words");
    choice = ranked.find((entry) => entry.label === 'customer_words') ?? choice;
    weights = sentenceWeights(model, features.hits, choice.index, features.sentences.length);
  }

  let quote: string | null = null;
  if (choice.label === 'customer_words') {
    quote =
      found?.quote ??
      features.lines.map((line) => cleanQuote(withoutAttribution(line.replace(/^>+\s?/, '')))).join(' ');
    if (isTrivialQuote(quote)) {
      notes.push(`"${quote}" is small talk, not worth logging`);
      choice = ranked.find((entry) => entry.label === 'neutral') ?? choice;
      quote = null;
      weights = sentenceWeights(model, features.hits, choice.index, features.sentences.length);
    }
  }

  const strongest = [...weights].sort((a, b) => b.lean - a.lean)[0];
  const words = topWords(model, features.sentences, features.hits, choice.index);
  const evidence =
    strongest && strongest.lean > 0 ? evidenceOf(features.sentences[strongest.index], strongest.best) : null;
  const reasons = [`read as ${choice.label.replace('_', ' ')} (${round(choice.p).toFixed(2)})`];
  if (words.length > 0) reasons.push(`strongest words: ${words.map((word) => `"${word}"`).join(', ')}`);
  reasons.push(...notes);
  return {
    label: choice.label,
    confidence: round(choice.p),
    reasons,
    topWords: words,
    evidence,
    quote,
    suggestedKind: quote ? (suggestKind(quote)?.kind ?? null) : null,
  };
}

/** The classifier the app uses: the trained model over the given analyser (load the analyser once). */
export function createMessageClassifier(
  analyze: TextAnalyzer,
  model: LinearModel = TRAINED_MODEL,
): MessageClassifier {
  return (text) => classifyMessage(text, analyze, model);
}
