import type { KnownBlock, ModalView } from '@slack/types';
import type { Stakeholder } from '../../domain/stakeholders.js';
import { metadata, option, plain, textInput } from './blocks.js';
import { RECAP_IDS as R } from './ids.js';
import { LIMITS } from './limits.js';
import { truncate } from './mrkdwn.js';

/** Paste inputs for a transcript (Slack caps one input at 3,000 characters). */
export const TRANSCRIPT_PARTS = 3;
export const MAX_NEW_ATTENDEE_LINES = 20;

/** Carried from open to submit; ids only, ownership re-checked on submit. */
export interface RecapModalMetadata {
  dealId: number;
  channelId: string;
  /** A scheduled meeting whose prompt opened the modal. */
  meetingId?: number;
  /** The prompt message: replies in its thread are notes. */
  promptTs?: string;
  threadReplies?: number;
}

export interface RecapModalPrefill {
  title?: string;
  /** YYYY-MM-DD */
  date: string;
  ourUserIds: string[];
  ourSpeakers?: string;
}

export interface TranscriptFileChoice {
  id: string;
  name: string;
}

function customerBlocks(stakeholders: Stakeholder[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  const choices = stakeholders
    .slice(0, LIMITS.staticSelectOptions)
    .map((s) => option(s.title ? `${s.name} (${s.title})` : s.name, String(s.id)));
  if (choices.length > 0) {
    blocks.push({
      type: 'input',
      block_id: R.customerExisting,
      optional: true,
      label: plain('Customer attendees'),
      element: { type: 'multi_static_select', action_id: R.customerExisting, options: choices },
    });
  }
  blocks.push(
    textInput(R.customerNew, choices.length > 0 ? '…and new people' : 'Customer attendees', {
      multiline: true,
      maxLength: 2_000,
      hint: 'One per line: "Name - role", e.g. "Dana Lee - CFO". Roles like champion or economic buyer are recognised.',
    }),
  );
  return blocks;
}

function transcriptBlocks(files: TranscriptFileChoice[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (let part = 1; part <= TRANSCRIPT_PARTS; part++) {
    blocks.push(
      textInput(`${R.transcriptPart}${part}`, `Transcript (part ${part})`, {
        multiline: true,
        maxLength: LIMITS.plainTextInputMaxLength,
        ...(part === 1
          ? {
              hint: `WebVTT, SRT or "Name: text" lines. Slack allows 3,000 characters per box: continue in the next part, or share the file in the channel and pick it below.`,
            }
          : {}),
      }),
    );
  }
  const choices = files.slice(0, LIMITS.staticSelectOptions).map((f) => option(f.name, f.id));
  if (choices.length > 0) {
    blocks.push({
      type: 'input',
      block_id: R.file,
      optional: true,
      label: plain('…or a transcript file shared in this channel'),
      element: { type: 'static_select', action_id: R.file, options: choices },
    });
  }
  blocks.push(
    textInput(R.fileLink, '…or the link to a transcript file in Slack', {
      maxLength: 500,
      placeholder: 'https://yourteam.slack.com/files/U…/F…/call.vtt',
    }),
  );
  return blocks;
}

export function recapModal(args: {
  meta: RecapModalMetadata;
  prefill: RecapModalPrefill;
  stakeholders: Stakeholder[];
  files: TranscriptFileChoice[];
  accountName: string;
}): ModalView {
  const { meta, prefill } = args;
  const context = [`Deal: ${truncate(args.accountName, 200)}`];
  if (meta.threadReplies) {
    context.push(
      `${meta.threadReplies} repl${meta.threadReplies === 1 ? 'y' : 'ies'} in the prompt's thread will be added to the notes.`,
    );
  }
  return {
    type: 'modal',
    callback_id: R.modal,
    private_metadata: metadata(meta),
    title: plain('Meeting recap', LIMITS.modalTitle),
    submit: plain('Post recap', LIMITS.modalSubmit),
    close: plain('Cancel', LIMITS.modalClose),
    blocks: [
      { type: 'context', elements: [{ ...plain(context.join(' '), LIMITS.contextText), emoji: false }] },
      textInput(R.title, 'Meeting title', {
        maxLength: 150,
        initial: prefill.title,
        placeholder: 'e.g. Discovery call',
        optional: false,
      }),
      {
        type: 'input',
        block_id: R.date,
        label: plain('Date'),
        element: { type: 'datepicker', action_id: R.date, initial_date: prefill.date },
      },
      {
        type: 'input',
        block_id: R.ourAttendees,
        label: plain('Our attendees'),
        element: {
          type: 'multi_users_select',
          action_id: R.ourAttendees,
          ...(prefill.ourUserIds.length > 0 ? { initial_users: prefill.ourUserIds } : {}),
        },
      },
      ...customerBlocks(args.stakeholders),
      textInput(R.notes, 'Notes', {
        multiline: true,
        maxLength: LIMITS.plainTextInputMaxLength,
        hint: 'Markers help: "Driver:", "Constraint:", "Risk:", "Success:", "Decision: ... by Dec 15 (Dana)", and "quoted words".',
      }),
      ...transcriptBlocks(args.files),
      textInput(R.ourSpeakers, 'Our speakers in the transcript', {
        maxLength: 500,
        initial: prefill.ourSpeakers,
        hint: 'Comma-separated names as labelled in the transcript. We also match the attendees’ Slack names. Listening figures go only to you.',
      }),
      textInput(R.proposedByUs, 'What did we propose?', {
        multiline: true,
        maxLength: LIMITS.plainTextInputMaxLength,
        hint: 'One proposal per line; kept apart from what the customer said.',
      }),
    ],
  };
}
