/**
 * `npm run classify -- "text"`            prints the class of a deal-channel message and why.
 * `npm run classify -- --json "text"`     prints the full result as JSON.
 * `npm run classify -- --eval [file.json]` prints precision/recall tables (markdown) per split of a labelled set.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  type ClassifierResult,
  classifyMessage,
  evaluate,
  formatEvaluationMarkdown,
  LABELLED_SPLITS,
  parseLabelledSet,
} from '../domain/classifier/index.js';

const DEFAULT_LABELLED_SET = 'test/domain/classifier/labelled-messages.json';
const USAGE = 'usage: npm run classify -- [--json] "message text" | --eval [labelled-set.json]';

const argsSchema = z.union([
  z.object({ mode: z.literal('eval'), file: z.string().min(1) }),
  z.object({ mode: z.literal('classify'), json: z.boolean(), text: z.string().trim().min(1) }),
]);

function parseArgs(argv: string[]): z.infer<typeof argsSchema> {
  if (argv[0] === '--eval') return argsSchema.parse({ mode: 'eval', file: argv[1] ?? DEFAULT_LABELLED_SET });
  const json = argv.includes('--json');
  const text = argv.filter((arg) => arg !== '--json').join(' ');
  return argsSchema.parse({ mode: 'classify', json, text });
}

function formatResult(result: ClassifierResult): string {
  const lines = [`class: ${result.label} (confidence ${result.confidence.toFixed(2)})`];
  if (result.quote !== null) lines.push(`quote: ${result.quote}`);
  if (result.suggestedKind !== null) lines.push(`suggested kind: ${result.suggestedKind}`);
  lines.push('why:', ...result.reasons.map((reason) => `- ${reason}`));
  return lines.join('\n');
}

function runEval(file: string): string {
  const set = parseLabelledSet(JSON.parse(readFileSync(file, 'utf8')));
  const tables = LABELLED_SPLITS.map((split) => set.messages.filter((message) => message.split === split))
    .filter((messages) => messages.length > 0)
    .map((messages) => formatEvaluationMarkdown(`${messages[0]?.split} split`, evaluate(messages)));
  tables.push(formatEvaluationMarkdown('all splits', evaluate(set.messages)));
  return tables.join('\n\n');
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
    console.log(runEval(args.file));
    return 0;
  }
  const result = classifyMessage(args.text);
  console.log(args.json ? JSON.stringify(result, null, 2) : formatResult(result));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
