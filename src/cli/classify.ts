/**
 * `npm run classify -- "text"`         prints the class of a deal-channel message and why.
 * `npm run classify -- --json "text"`  prints the full result as JSON.
 * `npm run classify -- --eval`         prints precision/recall per class (markdown) on the frozen test split and
 *                                      the adversarial split, each separately, then the train split for reference.
 */
import { z } from 'zod';
import { createMessageClassifier } from '../domain/classifier/classify.js';
import { evaluate, formatEvaluationMarkdown } from '../domain/classifier/evaluate.js';
import type { CorpusSplit } from '../domain/classifier/labelled-set.js';
import type { ClassifierResult } from '../domain/classifier/types.js';
import { createWinkAnalyzer } from '../nlp/wink-analyzer.js';
import { readCorpus } from './corpus-files.js';

const USAGE = 'usage: npm run classify -- [--json] "message text" | --eval [--errors]';
const EVAL_SPLITS: { split: CorpusSplit; title: string }[] = [
  { split: 'test', title: 'frozen test split' },
  { split: 'adversarial', title: 'adversarial split' },
  { split: 'adversarial-blind', title: 'blind adversarial split' },
  { split: 'customer-words-blind', title: 'blind customer-words split (written after the model was frozen)' },
  { split: 'train', title: 'train split (the model learned from it; for reference only)' },
];

const argsSchema = z.union([
  z.object({ mode: z.literal('eval'), errors: z.boolean() }),
  z.object({ mode: z.literal('classify'), json: z.boolean(), text: z.string().trim().min(1) }),
]);

function parseArgs(argv: string[]): z.infer<typeof argsSchema> {
  if (argv[0] === '--eval') return argsSchema.parse({ mode: 'eval', errors: argv.includes('--errors') });
  const json = argv.includes('--json');
  const text = argv.filter((arg) => arg !== '--json').join(' ');
  return argsSchema.parse({ mode: 'classify', json, text });
}

function formatResult(result: ClassifierResult): string {
  const lines = [`class: ${result.label} (confidence ${result.confidence.toFixed(2)})`];
  if (result.evidence !== null) lines.push(`because: "${result.evidence}"`);
  if (result.quote !== null) lines.push(`quote: ${result.quote}`);
  if (result.suggestedKind !== null) lines.push(`suggested kind: ${result.suggestedKind}`);
  lines.push('why:', ...result.reasons.map((reason) => `- ${reason}`));
  return lines.join('\n');
}

function runEval(showErrors: boolean): string {
  const classify = createMessageClassifier(createWinkAnalyzer());
  return EVAL_SPLITS.map(({ split, title }) => {
    const evaluation = evaluate(readCorpus(split), classify);
    const table = formatEvaluationMarkdown(title, evaluation);
    if (!showErrors || split === 'train') return table;
    const errors = evaluation.errors.map(
      (error) => `- [${error.expected} -> ${error.predicted}] ${error.text}`,
    );
    return [table, '', ...errors].join('\n');
  }).join('\n\n');
}

function main(argv: string[]): number {
  let args: z.infer<typeof argsSchema>;
  try {
    args = parseArgs(argv);
  } catch {
    console.error(USAGE);
    return 2;
  }
  if (args.mode === 'eval') {
    console.log(runEval(args.errors));
    return 0;
  }
  const result = createMessageClassifier(createWinkAnalyzer())(args.text);
  console.log(args.json ? JSON.stringify(result, null, 2) : formatResult(result));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
