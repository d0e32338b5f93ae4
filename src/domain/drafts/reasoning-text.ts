import type { VisionReasoning } from './draft.js';

/** How a list of entry ids is shown: `#12, #15` in Slack, `[1][2]` in the export. */
export type RefFormat = (ids: readonly number[]) => string;

export const hashRefs: RefFormat = (ids) => ids.map((id) => `#${id}`).join(', ');

/**
 * A vision point in the second person, its reasoning visible and referring to entries by number, never
 * repeating their quotes: "Because you told us 1 and 2, and you will judge it by 3, while 5 holds, we see …;
 * a first step that respects 5: …". `future` and `firstStep` are passed as they are (the caller escapes).
 */
export function reasoningSentence(
  r: VisionReasoning,
  refs: RefFormat,
  text: (s: string) => string = (s) => s,
): string {
  const parts = [`Because you told us ${r.driverIds.length ? refs(r.driverIds) : 'what drives this'}`];
  if (r.successIds.length) parts.push(`and you will judge it by ${refs(r.successIds)}`);
  if (r.respectIds.length) parts.push(`while ${refs(r.respectIds)} holds`);
  parts.push(`we see ${text(r.future)}`);
  const step = r.firstStep
    ? `; a first step${r.respectIds.length ? ` that respects ${refs(r.respectIds)}` : ''}: ${text(r.firstStep)}`
    : '';
  return `${parts.join(', ')}${step}.`;
}
