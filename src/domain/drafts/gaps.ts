import type { Entry } from '../entries.js';
import { shareableEntries } from '../privacy/internal-only.js';
import type { Stakeholder } from '../stakeholders.js';
import type { Question } from './draft.js';
import { hasQuote, rankEntries } from './select-entries.js';
import { tensionQuestions } from './tensions.js';

/** Research suggests 11-14 discovery questions; more did not help. */
export const MAX_QUESTIONS = 12;
const PER_RULE = 3;

const clip = (text: string, max = 140) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
const q = (spin: Question['spin'], text: string, entryIds: number[] = []): Question => ({
  text,
  spin,
  entryIds,
});

/**
 * Tensions first (tensions.ts), then the gaps in what we know as open questions, SPIN-style:
 * situation (facts we lack), problem (pain not yet in their words or not confirmed),
 * implication (cost of inaction), need-payoff (how they will judge success).
 */
export function gapQuestions(all: readonly Entry[], stakeholders: readonly Stakeholder[]): Question[] {
  // Internal-only entries never shape a question the customer may read; they feed private questions instead.
  const entries = shareableEntries(all);
  const ranked = rankEntries(entries);
  const of = (kind: Entry['kind']) => ranked.filter((e) => e.kind === kind);
  const drivers = of('driver');
  const successFactors = of('success_factor');
  const constraints = of('constraint');
  const risks = of('risk');
  const questions: Question[] = [...tensionQuestions(entries)];

  if (drivers.length === 0) {
    questions.push(
      q('situation', 'What made this a priority for you now, and what prompted you to look at it?'),
    );
    questions.push(q('problem', 'What is hardest about the way this works for you today?'));
  }

  const unquoted = drivers.filter((d) => !hasQuote(d) && d.status === 'confirmed' && d.stakeholderId != null);
  for (const d of unquoted.slice(0, 1)) {
    questions.push(q('problem', `How would you describe "${clip(d.statement)}" in your own words?`, [d.id]));
  }

  // The cost of inaction is asked even when risks are logged: a risk of acting is not the cost of waiting.
  const top = drivers[0];
  if (top) {
    questions.push(
      q('implication', `What if "${clip(top.statement)}" is still unsolved a year from now?`, [top.id]),
    );
  }

  const notConfirmed = drivers.filter((d) => d.status !== 'confirmed' || d.stakeholderId == null);
  for (const d of notConfirmed.slice(0, PER_RULE)) {
    questions.push(
      q('problem', `We understood "${clip(d.statement)}". Is that how you see it, and who feels it most?`, [
        d.id,
      ]),
    );
  }

  if (successFactors.length === 0) {
    questions.push(
      q(
        'need_payoff',
        'If this worked, how would you know? What would you measure, and by when?',
        drivers.slice(0, PER_RULE).map((d) => d.id),
      ),
    );
  }

  if (constraints.length === 0 && risks.length === 0) {
    questions.push(
      q('situation', 'What could stop this from going ahead: budget, timing, people or other priorities?'),
    );
  }
  const unowned = constraints.filter((c) => c.stakeholderId == null);
  for (const c of unowned.slice(0, PER_RULE)) {
    questions.push(
      q('situation', `Who on your side owns "${clip(c.statement)}", and who can tell us more about it?`, [
        c.id,
      ]),
    );
  }

  if (!stakeholders.some((s) => s.buyingRole === 'economic_buyer')) {
    questions.push(q('situation', 'Who else weighs in on this decision, and who signs off on the budget?'));
  }
  const heardFrom = new Set(
    entries.filter((e) => !e.archived && e.kind !== 'proposal').map((e) => e.stakeholderId),
  );
  const silent = [...stakeholders]
    .filter((s) => !heardFrom.has(s.id))
    .sort(
      (a, b) =>
        Number(b.buyingRole === 'economic_buyer') - Number(a.buyingRole === 'economic_buyer') || a.id - b.id,
    );
  for (const s of silent.slice(0, 2)) {
    questions.push(q('situation', `What does ${s.name} see as the most pressing issue here?`));
  }

  return questions.slice(0, MAX_QUESTIONS);
}
