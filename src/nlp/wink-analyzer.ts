import model from 'wink-eng-lite-web-model';
import winkNLP, { type ItemSentence } from 'wink-nlp';
import type { AnalyzedSentence, TextAnalyzer } from '../domain/classifier/analysis.js';

/**
 * The English analyser behind the listening classifier: wink-nlp with its lite English model (pure JS, no I/O).
 * Loading the model takes ~100 ms, so call this once at start-up and share the result.
 */
export function createWinkAnalyzer(): TextAnalyzer {
  const nlp = winkNLP(model, ['sbd', 'pos', 'negation']);
  const its = nlp.its;
  // wink-nlp's typings give lemma an `addons` parameter that `out()` does not accept; at runtime they match.
  const lemmaOf = its.lemma as unknown as typeof its.value;
  return (text: string): AnalyzedSentence[] => {
    const doc = nlp.readDoc(text);
    const sentences: AnalyzedSentence[] = [];
    doc.sentences().each((sentence: ItemSentence) => {
      const tokens = sentence.tokens();
      const words = tokens.out(its.value).map(String);
      const lemmas = tokens.out(lemmaOf).map(String);
      const tags = tokens.out(its.pos).map(String);
      const negations = tokens.out(its.negationFlag).map((flag) => flag === true);
      sentences.push({
        text: sentence.out(),
        tokens: words.map((word: string, index: number) => ({
          text: word,
          lemma: (lemmas[index] ?? word).toLowerCase(),
          pos: tags[index] ?? 'X',
          negated: negations[index] ?? false,
        })),
      });
    });
    return sentences;
  };
}

let shared: Promise<TextAnalyzer> | null = null;

/**
 * The analyser, loaded on first use and shared by every app in the process (tests start many): the model's
 * ~4 MB of JS is parsed once, and not at all by a start that fails its config check.
 */
export function loadSharedWinkAnalyzer(): Promise<TextAnalyzer> {
  shared ??= Promise.resolve().then(createWinkAnalyzer);
  return shared;
}
