import { type ClassifierResult, MESSAGE_LABELS, type MessageLabel } from './types.js';

export interface ClassMetrics {
  label: MessageLabel;
  support: number;
  predicted: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  total: number;
  accuracy: number;
  perClass: ClassMetrics[];
  /** confusion[expected][predicted] = count */
  confusion: Record<MessageLabel, Record<MessageLabel, number>>;
  errors: { text: string; expected: MessageLabel; predicted: MessageLabel }[];
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

/** Per-class precision, recall and F1 plus the confusion matrix of a classifier on labelled messages. */
export function evaluate(
  labelled: readonly { text: string; label: MessageLabel }[],
  classify: (text: string) => Pick<ClassifierResult, 'label'>,
): Evaluation {
  const emptyRow = () =>
    Object.fromEntries(MESSAGE_LABELS.map((label) => [label, 0])) as Record<MessageLabel, number>;
  const confusion = Object.fromEntries(
    MESSAGE_LABELS.map((label) => [label, emptyRow()]),
  ) as Evaluation['confusion'];
  const errors: Evaluation['errors'] = [];
  for (const { text, label } of labelled) {
    const predicted = classify(text).label;
    confusion[label][predicted] += 1;
    if (predicted !== label) errors.push({ text, expected: label, predicted });
  }
  const perClass = MESSAGE_LABELS.map((label) => {
    const truePositives = confusion[label][label];
    const support = MESSAGE_LABELS.reduce((sum, predicted) => sum + confusion[label][predicted], 0);
    const predicted = MESSAGE_LABELS.reduce((sum, expected) => sum + confusion[expected][label], 0);
    const precision = ratio(truePositives, predicted);
    const recall = ratio(truePositives, support);
    return {
      label,
      support,
      predicted,
      precision,
      recall,
      f1: ratio(2 * precision * recall, precision + recall),
    };
  });
  const correct = MESSAGE_LABELS.reduce((sum, label) => sum + confusion[label][label], 0);
  return { total: labelled.length, accuracy: ratio(correct, labelled.length), perClass, confusion, errors };
}

const fixed = (value: number) => value.toFixed(2);

/** The evaluation as markdown tables (metrics, then confusion matrix), ready to paste into the README. */
export function formatEvaluationMarkdown(title: string, evaluation: Evaluation): string {
  const metrics = evaluation.perClass.map(
    (row) =>
      `| ${row.label} | ${row.support} | ${fixed(row.precision)} | ${fixed(row.recall)} | ${fixed(row.f1)} |`,
  );
  const confusion = MESSAGE_LABELS.map(
    (expected) =>
      `| ${expected} | ${MESSAGE_LABELS.map((predicted) => evaluation.confusion[expected][predicted]).join(' | ')} |`,
  );
  return [
    `**${title}** (${evaluation.total} messages, accuracy ${fixed(evaluation.accuracy)})`,
    '',
    '| class | support | precision | recall | F1 |',
    '|---|---|---|---|---|',
    ...metrics,
    '',
    `| expected \\ predicted | ${MESSAGE_LABELS.join(' | ')} |`,
    `|---|${MESSAGE_LABELS.map(() => '---').join('|')}|`,
    ...confusion,
  ].join('\n');
}
