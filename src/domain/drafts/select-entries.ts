import type { Entry, Priority } from '../entries.js';

const STATUS_SCORE = { confirmed: 40, corrected: 30, unconfirmed: 0 } as const;
const PRIORITY_SCORE: Record<Priority, number> = { high: 30, medium: 15, low: 0 };
const QUOTE_SCORE = 30;
const CUSTOMER_SCORE = 10;
const PROPOSAL_SCORE = -40;
const RECENCY_MAX = 20;

/** The day an entry was said, falling back to when it was logged; sortable as text. */
export function entryDay(entry: Pick<Entry, 'saidOn' | 'createdAt'>): string {
  return entry.saidOn ?? entry.createdAt.toISOString().slice(0, 10);
}

/** Oldest first: by day said, then time logged, then id. */
export function compareChronological(a: Entry, b: Entry): number {
  return (
    entryDay(a).localeCompare(entryDay(b)) || a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id
  );
}

export function hasQuote(entry: Pick<Entry, 'quote'>): boolean {
  return entry.quote != null && entry.quote.trim() !== '';
}

/**
 * Value of an entry for a draft: confirmed, quoted, high-priority, recent customer entries first; our own
 * proposals last. `recency` is 0 (oldest) to 1 (newest).
 */
export function entryValue(entry: Entry, recency: number): number {
  return (
    STATUS_SCORE[entry.status] +
    (hasQuote(entry) ? QUOTE_SCORE : 0) +
    PRIORITY_SCORE[entry.priority] +
    (entry.kind === 'proposal' ? PROPOSAL_SCORE : CUSTOMER_SCORE) +
    RECENCY_MAX * recency
  );
}

/** Live entries, most valuable first; ties go to the newer entry. Deterministic. */
export function rankEntries(entries: readonly Entry[]): Entry[] {
  const live = entries.filter((e) => !e.archived);
  const chronological = [...live].sort(compareChronological);
  const last = Math.max(chronological.length - 1, 1);
  const recency = new Map(chronological.map((e, i) => [e.id, i / last]));
  const value = new Map(live.map((e) => [e.id, entryValue(e, recency.get(e.id) ?? 0)]));
  return chronological.reverse().sort((a, b) => (value.get(b.id) ?? 0) - (value.get(a.id) ?? 0));
}

export interface EntrySelection {
  /** Chosen entries, oldest first. */
  selected: Entry[];
  /** Live entries that did not fit, most valuable first. */
  leftOut: Entry[];
}

/**
 * Greedy selection under a budget: walks the ranked entries and keeps each one whose cost still fits.
 * `costOf` is the entry's cost in the unit of `budget` (tokens for prompts).
 */
export function selectWithinBudget(
  entries: readonly Entry[],
  costOf: (entry: Entry) => number,
  budget: number,
): EntrySelection {
  const selected: Entry[] = [];
  const leftOut: Entry[] = [];
  let spent = 0;
  for (const entry of rankEntries(entries)) {
    const cost = costOf(entry);
    if (spent + cost <= budget) {
      selected.push(entry);
      spent += cost;
    } else {
      leftOut.push(entry);
    }
  }
  return { selected: selected.sort(compareChronological), leftOut };
}
