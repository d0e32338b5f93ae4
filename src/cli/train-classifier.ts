/**
 * `npm run classify:train`: trains the listening classifier on data/corpus/train.jsonl (never on the test or
 * adversarial splits) with a fixed seed and writes data/model.json. Same corpus + same options = same file.
 */
import { writeFileSync } from 'node:fs';
import { extractFeatures, featureNames } from '../domain/classifier/features.js';
import { DEFAULT_TRAINING, trainLinearModel } from '../domain/classifier/train.js';
import { createWinkAnalyzer } from '../nlp/wink-analyzer.js';
import { MODEL_FILE, readCorpus } from './corpus-files.js';

const analyze = createWinkAnalyzer();
const train = readCorpus('train');
const examples = train.map((message) => ({
  label: message.label,
  features: featureNames(extractFeatures(message.text, analyze)),
}));
const model = trainLinearModel(examples, { ...DEFAULT_TRAINING, corpus: 'data/corpus/train.jsonl' });
writeFileSync(MODEL_FILE, `${JSON.stringify(model)}\n`);
console.log(
  `trained on ${examples.length} messages: ${Object.keys(model.weights).length} features -> ${MODEL_FILE}`,
);
