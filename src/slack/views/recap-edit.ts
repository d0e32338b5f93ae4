import type { KnownBlock, ModalView } from '@slack/types';
import type { DecisionProposalPayload, EntryProposalPayload, Meeting } from '../../domain/recap/meeting.js';
import type { Stakeholder } from '../../domain/stakeholders.js';
import { metadata, plain } from './blocks.js';
import { entryFormBlocks } from './entry-form.js';
import { RECAP_IDS as R } from './ids.js';
import { LIMITS } from './limits.js';

export interface RecapEditMetadata {
  proposalId: number;
}

function sourceContext(meeting: Meeting) {
  return {
    type: 'context' as const,
    elements: [
      {
        type: 'plain_text' as const,
        text: `From the recap of ${meeting.title} (${meeting.meetingDate}). Saving confirms it.`.slice(
          0,
          2_000,
        ),
        emoji: false,
      },
    ],
  };
}

/** Both edit modals: where the proposal came from, then its fields; submitting confirms the proposal. */
function confirmProposalModal(
  callbackId: string,
  proposalId: number,
  meeting: Meeting,
  blocks: KnownBlock[],
): ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    private_metadata: metadata({ proposalId } satisfies RecapEditMetadata),
    title: plain('Edit and confirm', LIMITS.modalTitle),
    submit: plain('Confirm', LIMITS.modalSubmit),
    close: plain('Cancel', LIMITS.modalClose),
    blocks: [sourceContext(meeting), ...blocks],
  };
}

/** The entry form (shared with /vision log) prefilled from a proposal; saving it confirms the proposal. */
export function recapEntryEditModal(args: {
  proposalId: number;
  payload: EntryProposalPayload;
  meeting: Meeting;
  stakeholders: Stakeholder[];
}): ModalView {
  const { payload } = args;
  const known = args.stakeholders.find(
    (s) => payload.speaker !== null && s.name.toLowerCase() === payload.speaker.toLowerCase(),
  );
  return confirmProposalModal(R.editEntryModal, args.proposalId, args.meeting, [
    ...entryFormBlocks(
      {
        kind: payload.kind,
        chooseKind: true,
        statement: payload.statement,
        ...(payload.quote ? { quote: payload.quote } : {}),
        ...(known
          ? { stakeholderId: known.id }
          : payload.speaker
            ? { stakeholderName: payload.speaker }
            : {}),
        saidOn: args.meeting.meetingDate,
        ...(payload.constraintCategory ? { constraintCategory: payload.constraintCategory } : {}),
      },
      args.stakeholders,
    ),
  ]);
}

/** Title, owner and due date of a proposed decision; saving it confirms the proposal. */
export function recapDecisionEditModal(args: {
  proposalId: number;
  payload: DecisionProposalPayload;
  meeting: Meeting;
}): ModalView {
  const { payload } = args;
  return confirmProposalModal(R.editDecisionModal, args.proposalId, args.meeting, [
    {
      type: 'input',
      block_id: R.decisionTitle,
      label: plain('What must the customer decide?'),
      element: {
        type: 'plain_text_input',
        action_id: R.decisionTitle,
        max_length: 300,
        initial_value: payload.title.slice(0, 300),
      },
    },
    {
      type: 'input',
      block_id: R.decisionOwner,
      optional: true,
      label: plain('Who decides? (customer side)'),
      element: {
        type: 'plain_text_input',
        action_id: R.decisionOwner,
        max_length: 80,
        ...(payload.ownerName ? { initial_value: payload.ownerName.slice(0, 80) } : {}),
      },
    },
    {
      type: 'input',
      block_id: R.decisionDue,
      optional: true,
      label: plain('By when?'),
      element: {
        type: 'datepicker',
        action_id: R.decisionDue,
        ...(payload.dueDate ? { initial_date: payload.dueDate } : {}),
      },
    },
  ]);
}
