import { createRequire } from 'node:module';
import type { ItemSentence, Model, WinkMethods } from 'wink-nlp';
import type { AnalyzedSentence, TextAnalyzer } from '../domain/classifier/analysis.js';

/**
 * The English analyser behind the listening classifier: wink-nlp with its lite English model (pure JS, no I/O).
 * Loading the model takes ~100 ms: build it once per process (`sharedWinkAnalyzer`).
 */
export function createWinkAnalyzer(): TextAnalyzer {
  // wink-nlp and its model are CommonJS; required here so that only a process that analyses text pays for them.
  const require = createRequire(import.meta.url);
  const winkNLP = require('wink-nlp') as (model: Model, pipe?: string[]) => WinkMethods;
  const model = require('wink-eng-lite-web-model') as Model;
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

let shared: TextAnalyzer | null = null;

/**
 * The analyser every app in the process shares (tests start many), loaded on the first text it analyses: the
 * model costs ~100 ms and ~30 MB, which a workspace that never posts in a deal channel should not pay at start.
 * The first classification happens after its event is acked, so the load never delays an ack.
 */
export function sharedWinkAnalyzer(): TextAnalyzer {
  return (text) => {
    shared ??= createWinkAnalyzer();
    return shared(text);
  };
}
