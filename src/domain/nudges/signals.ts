import type { Entry } from '../entries.js';

/** Words that show the customer feels pressure to act (matched case-insensitively, on word boundaries). */
export const URGENCY_PATTERNS: readonly RegExp[] = [
  /\blos(e|es|ing|t)\b/i,
  /\bcost(s|ing|ly)?\b/i,
  /\bdeadlines?\b/i,
  /\bby (q[1-4]|h[12]|end of|year[- ]end|the end of)\b/i,
  /\bmust\b/i,
  /\burgent(ly)?\b/i,
  /\basap\b/i,
  /\bpenalt(y|ies)\b/i,
  /\bmiss(es|ed|ing)?\b/i,
  /\bchurn(s|ed|ing)?\b/i,
  /\bwast(e|es|ed|ing)\b/i,
  /\bcan(no|')t afford\b/i,
  /\bcompliance\b/i,
];

export function hasUrgencyWords(text: string | null): boolean {
  return text !== null && URGENCY_PATTERNS.some((pattern) => pattern.test(text));
}

/** A driver that shows urgency: high priority, or urgency words in our summary or their own words. */
export function isUrgentDriver(entry: Entry): boolean {
  return (
    entry.kind === 'driver' &&
    (entry.priority === 'high' || hasUrgencyWords(entry.statement) || hasUrgencyWords(entry.quote))
  );
}

const isRiskOrConstraint = (entry: Entry): boolean => entry.kind === 'risk' || entry.kind === 'constraint';

export interface DecisionSignals {
  /** Drivers in scope (related to the decision when any are, else the whole deal). */
  drivers: Entry[];
  urgentDrivers: Entry[];
  /** Risks and constraints in scope, most severe first. */
  risks: Entry[];
  /** 2+ risks/constraints, or any of high severity. */
  looksLikeIndecision: boolean;
  /** Drivers are logged but none shows urgency. */
  looksLikeStatusQuo: boolean;
}

const SEVERITY_RANK = { high: 0, medium: 1, low: 2 } as const;
const PRIORITY_RANK = { high: 0, medium: 1, low: 2 } as const;

/** Usable customer entries: not archived, not our proposals. */
export function customerEntries(entries: readonly Entry[]): Entry[] {
  return entries.filter((entry) => !entry.archived && entry.kind !== 'proposal');
}

/** Entries linked to the decision when there are any of the wanted kind; else those of the whole deal. */
function scoped(related: Entry[], deal: Entry[], wanted: (entry: Entry) => boolean): Entry[] {
  const fromRelated = related.filter(wanted);
  return fromRelated.length > 0 ? fromRelated : deal.filter(wanted);
}

export function decisionSignals(
  relatedEntries: readonly Entry[],
  dealEntries: readonly Entry[],
): DecisionSignals {
  const related = customerEntries(relatedEntries);
  const deal = customerEntries(dealEntries);
  const drivers = scoped(related, deal, (entry) => entry.kind === 'driver').sort(
    (a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || a.id - b.id,
  );
  const risks = scoped(related, deal, isRiskOrConstraint).sort(
    (a, b) => SEVERITY_RANK[a.severity ?? 'low'] - SEVERITY_RANK[b.severity ?? 'low'] || a.id - b.id,
  );
  const urgentDrivers = drivers.filter(isUrgentDriver);
  return {
    drivers,
    urgentDrivers,
    risks,
    looksLikeIndecision: risks.length >= 2 || risks.some((entry) => entry.severity === 'high'),
    looksLikeStatusQuo: drivers.length > 0 && urgentDrivers.length === 0,
  };
}
