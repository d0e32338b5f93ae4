import { createRequire } from 'node:module';

type GptTokenizer = { countTokens(text: string): number };

const require = createRequire(import.meta.url);
let tokenizer: GptTokenizer | null = null;

/**
 * gpt-tokenizer's count (o200k encoding), loaded on first use: its tables take about 75 MB, which an app that
 * never calls a model (offline drafting, every slash command before the first LLM call) should not carry.
 */
export function countTokens(text: string): number {
  tokenizer ??= require('gpt-tokenizer') as GptTokenizer;
  return tokenizer.countTokens(text);
}
