import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { DECISION_INPUT_LIMITS as LIM } from '../../domain/decision-input.js';
import type { Decision } from '../../domain/decisions.js';
import { ENTRY_KIND_LABELS, type Entry } from '../../domain/entries.js';
import type { Stakeholder } from '../../domain/stakeholders.js';
import { findOption, metadata, mrkdwn, option, plain } from './blocks.js';
import { DECISION_OUTCOME_FORM, DECISION_FORM as F, VIEW_IDS } from './ids.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, truncate } from './mrkdwn.js';

/** Ids only; the deal, channel and decision are re-checked against the team on submit. */
export interface DecisionFormMetadata {
  dealId: number;
  channelId: string;
  decisionId?: number;
  /** The ephemeral list to refresh after an edit. */
  responseUrl?: string;
}

export interface DecisionPrefill {
  title?: string;
  customerOwnerId?: number | null;
  ourOwnerUserId?: string | null;
  dueDate?: string | null;
  relatedEntryIds?: number[];
}

/** "Driver: Cross-border shipments take three days" cut to Slack's 75-character option limit. */
export function entryOptionLabel(entry: Pick<Entry, 'kind' | 'statement'>): string {
  return truncate(`${ENTRY_KIND_LABELS[entry.kind].one}: ${entry.statement}`, LIMITS.optionText);
}

function entryOptions(entries: Entry[]): PlainTextOption[] {
  return entries
    .filter((e) => !e.archived)
    .slice(0, LIMITS.staticSelectOptions)
    .map((e) => option(entryOptionLabel(e), String(e.id)));
}

const text = (blockId: string, label: string, max: number, optional: boolean, initial?: string | null) => ({
  type: 'input' as const,
  block_id: blockId,
  optional,
  label: plain(label),
  element: {
    type: 'plain_text_input' as const,
    action_id: blockId,
    max_length: max,
    ...(initial ? { initial_value: initial.slice(0, max) } : {}),
  },
});

/** Log or edit a decision the customer still has to make. */
export function decisionModal(args: {
  meta: DecisionFormMetadata;
  prefill: DecisionPrefill;
  stakeholders: Stakeholder[];
  entries: Entry[];
  accountName: string;
  editing?: boolean;
}): ModalView {
  const { prefill } = args;
  const people = args.stakeholders
    .slice(0, LIMITS.staticSelectOptions)
    .map((s) => option(s.title ? `${s.name} (${s.title})` : s.name, String(s.id)));
  const related = entryOptions(args.entries);
  const blocks: KnownBlock[] = [
    { type: 'context', elements: [plain(`Deal: ${args.accountName}`, LIMITS.contextText)] },
    text(F.title, 'What must the customer decide?', LIM.title, false, prefill.title),
  ];
  if (people.length > 0) {
    const initial = findOption(people, prefill.customerOwnerId ? String(prefill.customerOwnerId) : null);
    blocks.push({
      type: 'input',
      block_id: F.customerOwnerExisting,
      optional: true,
      label: plain('Who decides on their side?'),
      element: {
        type: 'static_select',
        action_id: F.customerOwnerExisting,
        options: people,
        ...(initial ? { initial_option: initial } : {}),
      },
    });
  }
  blocks.push(
    {
      ...text(
        F.customerOwnerName,
        people.length > 0 ? '…or someone new' : 'Who decides on their side?',
        LIM.customerOwnerName,
        true,
      ),
      hint: plain('A name on the customer side, e.g. Dana Lee.'),
    },
    {
      type: 'input',
      block_id: F.ourOwner,
      optional: true,
      label: plain('Who follows up on our side?'),
      element: {
        type: 'users_select',
        action_id: F.ourOwner,
        ...(prefill.ourOwnerUserId ? { initial_user: prefill.ourOwnerUserId } : {}),
      },
    },
    {
      type: 'input',
      block_id: F.dueDate,
      optional: true,
      label: plain('Decide by'),
      element: {
        type: 'datepicker',
        action_id: F.dueDate,
        ...(prefill.dueDate ? { initial_date: prefill.dueDate } : {}),
      },
    },
  );
  if (related.length > 0) {
    const initial = related.filter((o) => prefill.relatedEntryIds?.includes(Number(o.value)));
    blocks.push({
      type: 'input',
      block_id: F.relatedEntries,
      optional: true,
      label: plain('Related to what they told us'),
      hint: plain('The drivers, success factors or constraints this decision serves.'),
      element: {
        type: 'multi_static_select',
        action_id: F.relatedEntries,
        options: related,
        max_selected_items: LIM.relatedEntries,
        ...(initial.length > 0 ? { initial_options: initial } : {}),
      },
    });
  }
  return {
    type: 'modal',
    callback_id: args.editing ? VIEW_IDS.editDecision : VIEW_IDS.logDecision,
    private_metadata: metadata(args.meta),
    title: plain(args.editing ? 'Edit decision' : 'Log a decision', LIMITS.modalTitle),
    submit: plain('Save', LIMITS.modalSubmit),
    close: plain('Cancel', LIMITS.modalClose),
    blocks,
  };
}

export interface OutcomeMetadata {
  decisionId: number;
  channelId: string;
  responseUrl?: string;
}

/** "Mark decided": asks what they decided. */
export function outcomeModal(decision: Pick<Decision, 'title'>, meta: OutcomeMetadata): ModalView {
  return {
    type: 'modal',
    callback_id: VIEW_IDS.decisionOutcome,
    private_metadata: metadata(meta),
    title: plain('Mark decided', LIMITS.modalTitle),
    submit: plain('Save', LIMITS.modalSubmit),
    close: plain('Cancel', LIMITS.modalClose),
    blocks: [
      { type: 'section', text: mrkdwn(`*${escapeMrkdwn(decision.title)}*`) },
      {
        type: 'input',
        block_id: DECISION_OUTCOME_FORM.outcome,
        label: plain('What did they decide?'),
        hint: plain('In their words if you have them.'),
        element: {
          type: 'plain_text_input',
          action_id: DECISION_OUTCOME_FORM.outcome,
          multiline: true,
          max_length: LIM.outcome,
        },
      },
    ],
  };
}
