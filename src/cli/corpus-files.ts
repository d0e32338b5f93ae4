import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type CorpusSplit, type LabelledMessage, parseCorpus } from '../domain/classifier/labelled-set.js';

const CORPUS_DIR = new URL('../domain/classifier/data/corpus/', import.meta.url);
export const MODEL_FILE = fileURLToPath(new URL('../domain/classifier/data/model.json', import.meta.url));

export function corpusPath(split: CorpusSplit): string {
  return fileURLToPath(new URL(`${split}.jsonl`, CORPUS_DIR));
}

export function readCorpus(split: CorpusSplit): LabelledMessage[] {
  return parseCorpus(readFileSync(corpusPath(split), 'utf8'));
}
