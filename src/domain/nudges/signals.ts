import type { Entry } from '../entries.js';
import { suggestInternalOnly } from '../privacy/internal-only.js';

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

/** Phrases that say there is no hurry: read as status quo, whatever else the text says. */
export const NO_RUSH_PHRASES: readonly string[] = [
  'no rush',
  'no hurry',
  'not urgent',
  'not a priority',
  'no priority',
  'can wait',
  'fine for now',
  'works for now',
  'good enough',
  'nice to have',
  'not in a hurry',
  'no deadline',
  'next year maybe',
];
const NEGATIONS = new Set([
  'no',
  'not',
  "don't",
  'dont',
  "doesn't",
  'never',
  "isn't",
  "aren't",
  'hardly',
  'without',
]);

export function saysNoRush(text: string | null): boolean {
  if (!text) return false;
  const lower = text.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  return NO_RUSH_PHRASES.some((phrase) => lower.includes(phrase));
}

/**
 * Urgency words that are not negated: "we lose three days" is urgent, "we don't lose much" or "no deadline"
 * is not. A word counts as negated when one of the two words before it is a negation.
 */
export function hasUrgencyWords(text: string | null): boolean {
  if (text === null || saysNoRush(text)) return false;
  const lower = text.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  return URGENCY_PATTERNS.some((pattern) => {
    const match = pattern.exec(lower);
    if (!match) return false;
    const before = lower
      .slice(Math.max(0, match.index - 30), match.index)
      .split(/\s+/)
      .filter(Boolean);
    return !before.slice(-2).some((word) => NEGATIONS.has(word));
  });
}

/**
 * A driver that shows urgency: high priority or urgency words, unless their own words say there is no rush
 * (the customer's words beat our priority field).
 */
export function isUrgentDriver(entry: Entry): boolean {
  if (entry.kind !== 'driver') return false;
  if (saysNoRush(entry.quote) || saysNoRush(entry.statement)) return false;
  return entry.priority === 'high' || hasUrgencyWords(entry.statement) || hasUrgencyWords(entry.quote);
}

/** Requirements (SSO, data residency, policy) are conditions to meet, not fear of a wrong choice. */
export function isRequirement(entry: Entry): boolean {
  return (
    entry.kind === 'constraint' &&
    (entry.constraintCategory === 'technical' || entry.constraintCategory === 'policy_legal')
  );
}

/** A personal risk: internal-only, or a risk in the first person about blame, jobs or fear. */
export function isPersonalRisk(entry: Entry): boolean {
  if (entry.kind !== 'risk' && entry.kind !== 'constraint') return false;
  return entry.internalOnly || suggestInternalOnly(entry) === 'personal_fear';
}

/** How much a risk or constraint weighs toward indecision: personal 3, high severity 2, other 1, requirement 0. */
export function indecisionWeight(entry: Entry): number {
  if (isPersonalRisk(entry)) return 3;
  if (isRequirement(entry)) return 0;
  return entry.severity === 'high' ? 2 : 1;
}

const isRiskOrConstraint = (entry: Entry): boolean => entry.kind === 'risk' || entry.kind === 'constraint';

export interface DecisionSignals {
  /** Drivers in scope (related to the decision when any are, else the whole deal). */
  drivers: Entry[];
  urgentDrivers: Entry[];
  /** Risks and constraints in scope, most severe first. */
  risks: Entry[];
  /** Risks and constraints weigh 2 or more (indecisionWeight): personal risks most, requirements not at all. */
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
    (a, b) =>
      indecisionWeight(b) - indecisionWeight(a) ||
      SEVERITY_RANK[a.severity ?? 'low'] - SEVERITY_RANK[b.severity ?? 'low'] ||
      a.id - b.id,
  );
  const urgentDrivers = drivers.filter(isUrgentDriver);
  return {
    drivers,
    urgentDrivers,
    risks,
    looksLikeIndecision: risks.reduce((sum, entry) => sum + indecisionWeight(entry), 0) >= 2,
    looksLikeStatusQuo:
      drivers.length > 0 &&
      (urgentDrivers.length === 0 || drivers.some((d) => saysNoRush(d.quote) || saysNoRush(d.statement))),
  };
}
