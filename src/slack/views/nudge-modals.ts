import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { clip } from '../../domain/nudges/index.js';
import type { WorkspaceSettings } from '../../domain/workspaces.js';
import { metadata, mrkdwn, option, plain } from './blocks.js';
import { NUDGE_IDS } from './ids.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** What a nudge modal needs to find its decision and update the nudge message after submit. */
export interface NudgeModalRef {
  decisionId: number;
  channelId: string;
  messageTs: string;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const OUTCOME_MAX = 500;

function modal(
  callbackId: string,
  title: string,
  submit: string,
  blocks: KnownBlock[],
  meta: object,
): ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    title: plain(title, LIMITS.modalTitle),
    submit: plain(submit, LIMITS.modalSubmit),
    close: plain('Cancel', LIMITS.modalClose),
    private_metadata: metadata(meta),
    blocks,
  };
}

const titleBlock = (title: string): KnownBlock => ({
  type: 'section',
  text: mrkdwn(`*${escapeMrkdwn(clip(title, 300))}*`),
});

/** "Mark decided": what did the customer decide? */
export function decidedModal(title: string, ref: NudgeModalRef): ModalView {
  return modal(
    NUDGE_IDS.decidedModal,
    'Mark decided',
    'Save',
    [
      titleBlock(title),
      {
        type: 'input',
        block_id: NUDGE_IDS.outcome,
        label: plain('What did they decide?'),
        hint: plain('In their words when you can, e.g. "Pilot in the Nordics, starting March".'),
        element: {
          type: 'plain_text_input',
          action_id: NUDGE_IDS.outcome,
          multiline: true,
          max_length: OUTCOME_MAX,
        },
      },
    ],
    ref,
  );
}

/** "Set new date": a date picker starting at `initialDate` (never in the past). */
export function newDateModal(title: string, initialDate: string, ref: NudgeModalRef): ModalView {
  return modal(
    NUDGE_IDS.newDateModal,
    'Set new date',
    'Save',
    [
      titleBlock(title),
      {
        type: 'input',
        block_id: NUDGE_IDS.date,
        label: plain('When will they decide?'),
        element: { type: 'datepicker', action_id: NUDGE_IDS.date, initial_date: initialDate },
      },
    ],
    ref,
  );
}

const dayOptions: PlainTextOption[] = WEEKDAYS.map((day, i) => option(day, String(i)));
const enabledOption = option('Send weekly nudges', 'on');

/** `/vision nudges`: day, time, time zone, stall days, on/off for the workspace. */
export function nudgeSettingsModal(settings: WorkspaceSettings, timeZone: string): ModalView {
  return modal(
    NUDGE_IDS.settingsModal,
    'Weekly nudges',
    'Save',
    [
      {
        type: 'section',
        text: mrkdwn(
          'Once a week each deal channel gets one short message listing its stalled customer decisions, and each owner a DM with theirs.',
        ),
      },
      {
        type: 'input',
        block_id: NUDGE_IDS.day,
        label: plain('Day'),
        element: {
          type: 'static_select',
          action_id: NUDGE_IDS.day,
          options: dayOptions,
          initial_option: dayOptions[settings.nudgeDay] ?? dayOptions[1]!,
        },
      },
      {
        type: 'input',
        block_id: NUDGE_IDS.time,
        label: plain('Time'),
        hint: plain("On each person's own clock: their DM at this time in their Slack time zone."),
        element: { type: 'timepicker', action_id: NUDGE_IDS.time, initial_time: settings.nudgeTime },
      },
      {
        type: 'input',
        block_id: NUDGE_IDS.timeZone,
        label: plain('Time zone'),
        hint: plain(
          'An IANA time zone such as Europe/Berlin or America/New_York: for due dates, and for people with no Slack time zone.',
        ),
        element: {
          type: 'plain_text_input',
          action_id: NUDGE_IDS.timeZone,
          initial_value: timeZone,
          max_length: 64,
        },
      },
      {
        type: 'input',
        block_id: NUDGE_IDS.stallDays,
        label: plain('Stalled after (days without activity)'),
        element: {
          type: 'plain_text_input',
          action_id: NUDGE_IDS.stallDays,
          initial_value: String(settings.stallDays),
          max_length: 3,
        },
      },
      {
        type: 'input',
        block_id: NUDGE_IDS.enabled,
        optional: true,
        label: plain('Nudges'),
        element: {
          type: 'checkboxes',
          action_id: NUDGE_IDS.enabled,
          options: [enabledOption],
          ...(settings.nudgesEnabled ? { initial_options: [enabledOption] } : {}),
        },
      },
    ],
    {},
  );
}
