export type { AnalyzedSentence, AnalyzedToken, TextAnalyzer } from './analysis.js';
export { classifyMessage, createMessageClassifier } from './classify.js';
export { type ClassMetrics, type Evaluation, evaluate, formatEvaluationMarkdown } from './evaluate.js';
export { CORPUS_SPLITS, type CorpusSplit, type LabelledMessage, parseCorpus } from './labelled-set.js';
export { type NormalizedMessage, normalizeSlackText } from './normalize.js';
export { type CustomerQuote, extractCustomerQuote, type QuoteForm } from './quote.js';
export { type KindSuggestion, suggestKind } from './rules.js';
export {
  type ClassifierResult,
  MESSAGE_LABELS,
  type MessageClassifier,
  type MessageLabel,
  type SuggestedKind,
} from './types.js';
