import type { KnownBlock } from '@slack/types';
import { dealTitle } from '../../domain/deal-input.js';
import type { Deal } from '../../domain/deals.js';
import { isOverdue, sortOpenDecisions } from '../../domain/decision-input.js';
import type { Decision } from '../../domain/decisions.js';
import type { Entry } from '../../domain/entries.js';
import type { Stakeholder } from '../../domain/stakeholders.js';
import { mrkdwn, option } from './blocks.js';
import { entryOptionLabel } from './decisions-form.js';
import { DECISION_ACTIONS } from './ids.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, mentionUser, truncate } from './mrkdwn.js';

export type DecisionVerb = 'decided' | 'dropped' | 'edit';

/** Overflow option value: `<verb>:<decision id>`; parsed and ownership-checked on click. */
export const decisionActionValue = (verb: DecisionVerb, id: number): string => `${verb}:${id}`;

export function parseDecisionActionValue(value: string): { verb: DecisionVerb; id: number } | null {
  const match = /^(decided|dropped|edit):([1-9][0-9]{0,14})$/.exec(value);
  return match ? { verb: match[1] as DecisionVerb, id: Number(match[2]) } : null;
}

const MAX_LISTED = LIMITS.blocksPerMessage - 3;

function decisionText(
  decision: Decision,
  people: Map<number, Stakeholder>,
  entries: Map<number, Entry>,
  today: string,
) {
  const who = decision.customerOwnerId ? people.get(decision.customerOwnerId)?.name : undefined;
  const parts = [
    `Customer: ${who ? escapeMrkdwn(who) : '_nobody named_'}`,
    `Us: ${decision.ourOwnerUserId ? mentionUser(decision.ourOwnerUserId) : '_nobody_'}`,
    decision.dueDate
      ? isOverdue(decision, today)
        ? `:warning: *overdue* since ${decision.dueDate}`
        : `due ${decision.dueDate}`
      : 'no date',
  ];
  const related = decision.relatedEntryIds
    .map((id) => entries.get(id))
    .filter((e): e is Entry => e !== undefined && !e.archived)
    .map((e) => escapeMrkdwn(entryOptionLabel(e)));
  const lines = [`*${escapeMrkdwn(decision.title)}*`, parts.join(' · ')];
  if (related.length > 0) lines.push(`_Serves:_ ${truncate(related.join('; '), 1_000)}`);
  return lines.join('\n');
}

/** `/vision decisions`: the deal's open decisions, each with Mark decided / Dropped / Edit. */
export function decisionsListMessage(args: {
  deal: Deal;
  decisions: Decision[];
  stakeholders: Stakeholder[];
  entries: Entry[];
  today: string;
  notice?: string;
}): { text: string; blocks: KnownBlock[] } {
  const open = sortOpenDecisions(args.decisions.filter((d) => d.status === 'open'));
  const people = new Map(args.stakeholders.map((s) => [s.id, s]));
  const entries = new Map(args.entries.map((e) => [e.id, e]));
  const overdue = open.filter((d) => isOverdue(d, args.today)).length;
  const title = escapeMrkdwn(dealTitle(args.deal));
  const summary =
    open.length === 0
      ? `No open decisions for ${title}. Log one with \`/vision decision [what they must decide]\`.`
      : `*Open decisions: ${title}* (${open.length}${overdue > 0 ? `, ${overdue} overdue` : ''})`;
  const blocks: KnownBlock[] = [];
  if (args.notice) blocks.push({ type: 'context', elements: [mrkdwn(args.notice)] });
  blocks.push({ type: 'section', text: mrkdwn(summary) });
  for (const decision of open.slice(0, MAX_LISTED)) {
    blocks.push({
      type: 'section',
      block_id: `decision_${decision.id}`,
      text: mrkdwn(decisionText(decision, people, entries, args.today)),
      accessory: {
        type: 'overflow',
        action_id: DECISION_ACTIONS.menu,
        options: [
          option('Mark decided…', decisionActionValue('decided', decision.id)),
          option('Dropped', decisionActionValue('dropped', decision.id)),
          option('Edit…', decisionActionValue('edit', decision.id)),
        ],
      },
    });
  }
  if (open.length > MAX_LISTED) {
    blocks.push({
      type: 'context',
      elements: [mrkdwn(`${open.length - MAX_LISTED} more not shown. Close or drop some to see them.`)],
    });
  }
  return {
    text: open.length === 0 ? summary : `Open decisions: ${title} (${open.length})`,
    blocks,
  };
}

/** One line for the channel when the customer decided. */
export function decidedMessage(decision: Pick<Decision, 'title' | 'outcome'>, byUserId: string) {
  const text = `Decided: ${escapeMrkdwn(decision.title)}: ${escapeMrkdwn(decision.outcome ?? '')} (recorded by ${mentionUser(byUserId)})`;
  return { text: truncate(text, LIMITS.sectionText) };
}

/** One line for the channel when a decision is logged. */
export function decisionLoggedMessage(decision: Pick<Decision, 'title' | 'dueDate'>, byUserId: string) {
  const due = decision.dueDate ? `, due ${decision.dueDate}` : '';
  return {
    text: truncate(
      `Decision to make: ${escapeMrkdwn(decision.title)}${due} (logged by ${mentionUser(byUserId)})`,
      LIMITS.sectionText,
    ),
  };
}
