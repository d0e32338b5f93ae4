/** One word as an NLP library reads it: lemma, universal part of speech, and whether a negation covers it. */
export interface AnalyzedToken {
  text: string;
  /** Lower-case dictionary form ("told" -> "tell", "won't" -> "will", "not"). */
  lemma: string;
  /** Universal POS tag (VERB, NOUN, PROPN, PRON, AUX, PUNCT, ...). */
  pos: string;
  /** Inside the scope of a negation ("we won't *demo* today"). */
  negated: boolean;
}

export interface AnalyzedSentence {
  text: string;
  tokens: AnalyzedToken[];
}

/**
 * Reads plain text into sentences of analysed tokens. Pure and synchronous; the composition root chooses the
 * implementation (wink-nlp in src/nlp/) and passes it in, so the domain holds no NLP library.
 */
export type TextAnalyzer = (text: string) => AnalyzedSentence[];
