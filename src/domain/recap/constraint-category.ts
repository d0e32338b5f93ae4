import type { ConstraintCategory } from '../entries.js';

/**
 * Category of a constraint from its words; the first rule that matches wins, in this order, else `other`.
 * "No new spend before the March freeze" is budget (spend is checked before freeze).
 */
const RULES: readonly { category: ConstraintCategory; pattern: RegExp }[] = [
  { category: 'budget', pattern: /[$€£]|\b(budget|budgets|spend|spending|cost|costs|capex|opex|funding)\b/i },
  {
    category: 'timing',
    pattern: /\b(date|dates|quarter|deadline|deadlines|freeze|timeline|q[1-4]|year-end|end of year)\b/i,
  },
  {
    category: 'policy_legal',
    pattern: /\b(legal|policy|policies|compliance|compliant|gdpr|regulation|regulatory|privacy|contract)\b/i,
  },
  { category: 'resources', pattern: /\b(team|teams|people|headcount|staff|staffing|bandwidth|capacity)\b/i },
  {
    category: 'technical',
    pattern: /\b(integration|integrations|integrate|system|systems|api|apis|sso|legacy)\b/i,
  },
];

export function inferConstraintCategory(text: string): ConstraintCategory {
  return RULES.find((rule) => rule.pattern.test(text))?.category ?? 'other';
}
