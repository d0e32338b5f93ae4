import { isInternalOnly } from '../../domain/crm/note.js';
import type { CrmSource } from '../../domain/crm/records.js';
import type { Decision } from '../../domain/decisions.js';
import type { Entry, EntryKind } from '../../domain/entries.js';

const KIND_OF: Partial<Record<CrmSource, EntryKind>> = {
  drivers: 'driver',
  success_factors: 'success_factor',
  constraints: 'constraint',
};

const line = (e: Entry) => `- ${e.quote ? `"${e.quote}"` : e.statement}`;

/**
 * What we would put in a mapped field, from customer entries only (never proposals, archived or internal-only
 * entries). Empty string = nothing to write.
 */
export function ourFieldValue(
  source: CrmSource,
  entries: readonly Entry[],
  decisions: readonly Decision[],
): string {
  const shareable = entries.filter((e) => !e.archived && !isInternalOnly(e) && e.kind !== 'proposal');
  const kind = KIND_OF[source];
  if (kind)
    return shareable
      .filter((e) => e.kind === kind)
      .map(line)
      .join('\n');
  if (source === 'decision_criteria') {
    return shareable
      .filter((e) => e.kind === 'success_factor' && e.priority === 'high')
      .map(line)
      .join('\n');
  }
  return decisions
    .filter((d) => d.status === 'open')
    .map((d) => `- ${d.title}${d.dueDate ? ` (by ${d.dueDate})` : ''}`)
    .join('\n');
}

export const sameValue = (a: string | null, b: string) => (a ?? '').trim() === b.trim();
