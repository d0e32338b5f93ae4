import type { ConstraintCategory } from '../entries.js';
import type { AskTopic } from './types.js';

/** A question for the customer (SPIN-style, open) when the entries do not answer ours. */
const BY_TOPIC: Record<AskTopic, string> = {
  drivers: 'What made this a priority for you now, and what happens if nothing changes?',
  initiatives: 'What projects are already under way that this would touch?',
  success_factors: 'If this worked, how would you know? What would you measure, and by when?',
  constraints: 'What could stop this from going ahead: budget, timing, people or other priorities?',
  risks: 'What worries you most about changing how this works today?',
  proposals: 'Before we suggest anything: what would a good outcome look like for you?',
  decisions: 'What still has to be decided on your side, who decides it, and by when?',
  stakeholders: 'Who else weighs in on this decision, and who signs off on the budget?',
  overview: 'What is the most pressing issue for you here, in your own words?',
};

const BY_CATEGORY: Record<ConstraintCategory, string> = {
  budget: 'Is there a budget set aside for this, and who approves spending on it?',
  timing: 'Is there a date this has to be in place by, and what drives that date?',
  risk: 'What would make this feel too risky to go ahead?',
  resources: 'Who on your side would work on this, and how much time can they give it?',
  technical: 'Which systems would this have to work with, and who looks after them?',
  policy_legal: 'Which approvals (legal, security, procurement) does a purchase like this need?',
  other: BY_TOPIC.constraints,
};

export function suggestedCustomerQuestion(
  topics: readonly AskTopic[],
  categories: readonly ConstraintCategory[],
): string {
  const [category] = categories;
  if (topics.includes('constraints') && category) return BY_CATEGORY[category];
  const [topic] = topics;
  return topic ? BY_TOPIC[topic] : BY_TOPIC.overview;
}
