import type { Decision } from '../decisions.js';
import {
  CONSTRAINT_CATEGORY_LABELS,
  type ConstraintCategory,
  ENTRY_KIND_LABELS,
  type Entry,
  type EntryKind,
} from '../entries.js';
import { inferConstraintCategory } from '../recap/constraint-category.js';
import { BUYING_ROLE_LABELS, type Stakeholder } from '../stakeholders.js';
import { asksWhatToPitch, diagnoseFirstText, nextDeepeningQuestion } from './diagnose-first.js';
import { contentWords, questionIntent } from './intent.js';
import { suggestedCustomerQuestion } from './suggest.js';
import type { AnswerLine, AskTopic, DealAnswer, DealFacts } from './types.js';

/** Enough to answer in a thread without turning into a wall of text. */
export const MAX_ANSWER_LINES = 8;

const TOPIC_KIND: Partial<Record<AskTopic, EntryKind>> = {
  drivers: 'driver',
  initiatives: 'initiative',
  success_factors: 'success_factor',
  constraints: 'constraint',
  risks: 'risk',
  proposals: 'proposal',
};

const TOPIC_HEADINGS: Record<AskTopic, string> = {
  drivers: 'Business drivers',
  initiatives: 'Initiatives',
  success_factors: 'Success factors',
  constraints: 'Constraints',
  risks: 'Risks',
  proposals: 'Our proposals',
  decisions: 'Open decisions',
  stakeholders: 'Stakeholders',
  overview: 'What we know so far',
};

const STATUS_RANK = { confirmed: 0, corrected: 1, unconfirmed: 2 } as const;

function byStrength(a: Entry, b: Entry): number {
  return STATUS_RANK[a.status] - STATUS_RANK[b.status] || b.createdAt.getTime() - a.createdAt.getTime();
}

export function entryLine(entry: Entry, stakeholders: readonly Stakeholder[]): AnswerLine {
  const who = stakeholders.find((s) => s.id === entry.stakeholderId);
  const category =
    entry.kind === 'constraint' && entry.constraintCategory
      ? ` (${CONSTRAINT_CATEGORY_LABELS[entry.constraintCategory].toLowerCase()})`
      : '';
  return {
    citation: `#${entry.id}`,
    entryId: entry.id,
    label: `${ENTRY_KIND_LABELS[entry.kind].one}${category}`,
    text: entry.statement,
    quote: entry.quote?.trim() ? entry.quote : null,
    // "Helen Cho, CFO": who said it, with the title the customer knows them by.
    saidBy: who ? (who.title ? `${who.name}, ${who.title}` : who.name) : null,
    confirmed: entry.status === 'confirmed',
  };
}

function decisionLine(decision: Decision, stakeholders: readonly Stakeholder[]): AnswerLine {
  const owner = stakeholders.find((s) => s.id === decision.customerOwnerId);
  return {
    citation: `decision #${decision.id}`,
    entryId: null,
    label: decision.dueDate ? `Decision, due ${decision.dueDate}` : 'Decision',
    text: decision.title,
    quote: null,
    saidBy: owner ? owner.name : null,
    confirmed: false,
  };
}

function stakeholderLine(s: Stakeholder): AnswerLine {
  return {
    citation: null,
    entryId: null,
    label: BUYING_ROLE_LABELS[s.buyingRole],
    text: s.title ? `${s.name}, ${s.title}` : s.name,
    quote: null,
    saidBy: null,
    confirmed: false,
  };
}

function matchesCategory(entry: Entry, categories: readonly ConstraintCategory[]): boolean {
  if (categories.length === 0) return true;
  const category =
    entry.constraintCategory ?? inferConstraintCategory(`${entry.statement} ${entry.quote ?? ''}`);
  return categories.includes(category);
}

function byKeywords(entries: readonly Entry[], keywords: readonly string[]): Entry[] {
  if (keywords.length === 0) return [];
  const scored = entries.map((e) => {
    const words = new Set(contentWords(`${e.statement} ${e.quote ?? ''}`));
    return { e, score: keywords.filter((k) => words.has(k)).length };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || byStrength(a.e, b.e))
    .map((s) => s.e);
}

function overviewLines(entries: readonly Entry[], stakeholders: readonly Stakeholder[]): AnswerLine[] {
  const kinds: EntryKind[] = ['driver', 'success_factor', 'constraint', 'risk', 'initiative'];
  return kinds.flatMap((kind) =>
    entries
      .filter((e) => e.kind === kind)
      .sort(byStrength)
      .slice(0, 2)
      .map((e) => entryLine(e, stakeholders)),
  );
}

function headingFor(topics: readonly AskTopic[], categories: readonly ConstraintCategory[]): string {
  if (topics.length === 0) return 'Entries that mention it';
  return topics
    .map((t) =>
      t === 'constraints' && categories.length > 0
        ? `${TOPIC_HEADINGS[t]} (${categories.map((c) => CONSTRAINT_CATEGORY_LABELS[c].toLowerCase()).join(', ')})`
        : TOPIC_HEADINGS[t],
    )
    .join(' · ');
}

/**
 * Answers a question about a deal from its entries, decisions and stakeholders only, offline.
 * Topics come from keywords (constraints/budget/timing, drivers/why, success/metrics, risks, decisions, who);
 * without a topic, entries sharing words with the question. Nothing found: says so and suggests what to ask.
 */
export function answerFromEntries(question: string, facts: DealFacts): DealAnswer {
  const intent = questionIntent(question);
  // Answers are posted in a channel thread: internal-only entries are never cited there.
  const live = facts.entries.filter((e) => !e.archived && !e.internalOnly);
  const lines: AnswerLine[] = [];
  const missing: AskTopic[] = [];
  for (const topic of intent.topics) {
    const before = lines.length;
    const kind = TOPIC_KIND[topic];
    if (kind) {
      const matching = live
        .filter((e) => e.kind === kind && (kind !== 'constraint' || matchesCategory(e, intent.categories)))
        .sort(byStrength);
      lines.push(...matching.map((e) => entryLine(e, facts.stakeholders)));
    } else if (topic === 'decisions') {
      const open = facts.decisions.filter((d) => d.status === 'open');
      lines.push(...open.map((d) => decisionLine(d, facts.stakeholders)));
    } else if (topic === 'stakeholders') {
      lines.push(...facts.stakeholders.map(stakeholderLine));
    } else if (topic === 'overview') {
      lines.push(...overviewLines(live, facts.stakeholders));
    }
    if (lines.length === before) missing.push(topic);
  }
  if (intent.topics.length === 0) {
    const customer = live.filter((e) => e.kind !== 'proposal');
    lines.push(...byKeywords(customer, intent.keywords).map((e) => entryLine(e, facts.stakeholders)));
  }
  const unique = lines.filter(
    (line, i) => line.citation === null || lines.findIndex((l) => l.citation === line.citation) === i,
  );
  const found = unique.length > 0;
  const askAbout = found ? missing : intent.topics;
  const deepening = nextDeepeningQuestion(live, facts.stakeholders);
  if (asksWhatToPitch(question)) {
    // "What should we pitch?" is turned back to diagnosis: what they told us, and what to ask next.
    const drivers = live.filter((e) => e.kind === 'driver').sort(byStrength);
    return {
      found: true,
      heading: 'Diagnose before you prescribe',
      text: diagnoseFirstText(live),
      lines: drivers.slice(0, MAX_ANSWER_LINES).map((e) => entryLine(e, facts.stakeholders)),
      suggestedQuestion: deepening ?? suggestedCustomerQuestion(['drivers'], []),
      source: 'offline',
      fallbackReason: null,
    };
  }
  return {
    found,
    heading: headingFor(intent.topics, intent.categories),
    text: null,
    lines: unique.slice(0, MAX_ANSWER_LINES),
    // Always a next question: what the entries lack, else the deal's next deepening question.
    suggestedQuestion:
      !found || askAbout.length > 0
        ? suggestedCustomerQuestion(askAbout, intent.categories)
        : (deepening ?? suggestedCustomerQuestion(['overview'], [])),
    source: 'offline',
    fallbackReason: null,
  };
}
