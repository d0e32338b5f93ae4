/**
 * `npm run classify:train`: trains the listening classifier on data/corpus/train.jsonl (never on the test or
 * adversarial splits) with a fixed seed and writes data/model.json. Same corpus + same options = same file.
 * `npm run classify:train -- --cv`: 5-fold cross-validation on the train split only (for feature work), no write.
 */
import { writeFileSync } from 'node:fs';
import { classifyMessage } from '../domain/classifier/classify.js';
import { evaluate, formatEvaluationMarkdown } from '../domain/classifier/evaluate.js';
import { extractFeatures, featureNames } from '../domain/classifier/features.js';
import type { LabelledMessage } from '../domain/classifier/labelled-set.js';
import { DEFAULT_TRAINING, type TrainingExample, trainLinearModel } from '../domain/classifier/train.js';
import { createWinkAnalyzer } from '../nlp/wink-analyzer.js';
import { MODEL_FILE, readCorpus } from './corpus-files.js';

const FOLDS = 5;
const analyze = createWinkAnalyzer();
const train = readCorpus('train');
const examplesOf = (messages: LabelledMessage[]): TrainingExample[] =>
  messages.map((message) => ({
    label: message.label,
    features: featureNames(extractFeatures(message.text, analyze)),
  }));

if (process.argv.includes('--cv')) {
  const predictions: {
    text: string;
    label: LabelledMessage['label'];
    predicted: LabelledMessage['label'];
  }[] = [];
  for (let fold = 0; fold < FOLDS; fold += 1) {
    const learn = train.filter((_, index) => index % FOLDS !== fold);
    const model = trainLinearModel(examplesOf(learn), { ...DEFAULT_TRAINING, corpus: `cv fold ${fold}` });
    for (const message of train.filter((_, index) => index % FOLDS === fold)) {
      predictions.push({ ...message, predicted: classifyMessage(message.text, analyze, model).label });
    }
  }
  const byText = new Map(predictions.map((row) => [row.text, row.predicted]));
  const evaluation = evaluate(train, (text) => ({ label: byText.get(text) ?? 'neutral' }));
  console.log(formatEvaluationMarkdown(`${FOLDS}-fold cross-validation on the train split`, evaluation));
} else {
  const model = trainLinearModel(examplesOf(train), {
    ...DEFAULT_TRAINING,
    corpus: 'data/corpus/train.jsonl',
  });
  writeFileSync(MODEL_FILE, `${JSON.stringify(model)}\n`);
  console.log(
    `trained on ${train.length} messages: ${Object.keys(model.weights).length} features -> ${MODEL_FILE}`,
  );
}
