import type { ConstraintCategory } from '../entries.js';
import type { AskTopic, QuestionIntent } from './types.js';

const TOPIC_RULES: readonly { topic: AskTopic; pattern: RegExp }[] = [
  {
    topic: 'drivers',
    pattern:
      /\b(drivers?|why|pains?|problems?|goals?|priorit(y|ies)|motivat\w*|pressures?|challenges?|issues?|care about)\b/i,
  },
  { topic: 'initiatives', pattern: /\b(initiatives?|projects?|programs?|programmes?|roadmap)\b/i },
  {
    topic: 'success_factors',
    pattern: /\b(success\w*|succeed|metrics?|measure\w*|kpis?|judge|outcomes?|targets?|win for them)\b/i,
  },
  {
    topic: 'constraints',
    pattern:
      /\b(constraints?|limits?|limitations?|blockers?|budget|money|costs?|spend\w*|price|pricing|funding|timing|timeline|deadlines?|when|dates?|freeze|quarter|resources?|capacity|headcount|staff\w*|technical|integrations?|systems?|legal|compliance|policy|policies|procurement|security|gdpr)\b/i,
  },
  { topic: 'risks', pattern: /\b(risks?|risky|worr\w*|fears?|afraid|concerns?|go wrong|blame)\b/i },
  { topic: 'proposals', pattern: /\b(propos\w*|pitch\w*|we suggested|our offer|recommended)\b/i },
  { topic: 'decisions', pattern: /\b(decisions?|decide\w*|choose|choice|pick|next steps?|open items?)\b/i },
  {
    topic: 'stakeholders',
    pattern:
      /\b(who|stakeholders?|champions?|economic buyer|signs? off|sign-off|decision makers?|buyers?|contacts?|people involved)\b/i,
  },
  {
    topic: 'overview',
    pattern: /\b(what do we know|overview|summary|summari[sz]e|status|where are we|so far)\b/i,
  },
];

const CATEGORY_RULES: readonly { category: ConstraintCategory; pattern: RegExp }[] = [
  { category: 'budget', pattern: /[$€£]|\b(budget|money|costs?|spend\w*|price|pricing|funding|afford)\b/i },
  { category: 'timing', pattern: /\b(timing|timeline|deadlines?|when|dates?|freeze|quarter|by when)\b/i },
  { category: 'resources', pattern: /\b(resources?|capacity|headcount|staff\w*|bandwidth)\b/i },
  { category: 'technical', pattern: /\b(technical|integrations?|systems?|security|sso|api)\b/i },
  { category: 'policy_legal', pattern: /\b(legal|compliance|policy|policies|procurement|gdpr|contract)\b/i },
];

const STOPWORDS = new Set(
  (
    'what which when where whose about their there they them this that those these with from have does did ' +
    'your ours were will would could should been being into than then also just only very more most some any ' +
    'tell know said says say think customer customers client deal vision please anything thing things'
  ).split(' '),
);

/** Content words (4+ letters, not stopwords), lower case, for matching entries by text. */
export function contentWords(text: string): string[] {
  const words = text.toLowerCase().match(/[a-z0-9][a-z0-9'-]{3,}/g) ?? [];
  return [...new Set(words.filter((w) => !STOPWORDS.has(w)))];
}

/** Which parts of the deal a question is about, from keywords (offline). */
export function questionIntent(question: string): QuestionIntent {
  let topics = TOPIC_RULES.filter((r) => r.pattern.test(question)).map((r) => r.topic);
  const categories = topics.includes('constraints')
    ? CATEGORY_RULES.filter((r) => r.pattern.test(question)).map((r) => r.category)
    : [];
  // "who owns the budget?" is about people and the budget; "why" alone is about drivers.
  if (topics.includes('overview') && topics.length > 1) topics = topics.filter((t) => t !== 'overview');
  return { topics, categories, keywords: contentWords(question) };
}
