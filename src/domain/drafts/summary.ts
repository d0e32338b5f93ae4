import type { DraftContent } from './draft.js';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * One plain line for a parent message or notification, free of user text and mrkdwn:
 * "Shared vision draft v3 - 5 drivers, 2 constraints, 3 questions to ask".
 */
export function draftSummaryLine(version: number, content: DraftContent, unverifiedCount = 0): string {
  const parts = [
    count(content.drivers.length, 'driver', 'drivers'),
    count(content.successFactors.length, 'success factor', 'success factors'),
    count(content.constraints.length, 'constraint', 'constraints'),
    count(content.questions.length, 'question to ask', 'questions to ask'),
  ];
  if (unverifiedCount > 0) parts.push(`${unverifiedCount} unverified`);
  return `Shared vision draft v${version} - ${parts.join(', ')}`;
}
