import type { KnownBlock, ModalView } from '@slack/types';
import { SECTION_TITLES } from '../../domain/drafts/draft.js';
import { draftToEditLines, EDIT_SECTIONS, type EditSection } from '../../domain/drafts/edit-text.js';
import type { DraftVersion } from '../../domain/drafts/version.js';
import { ENTRY_KIND_LABELS, type Entry } from '../../domain/entries.js';
import { metadata, mrkdwn, plain } from './blocks.js';
import { DRAFT_CORRECTED_FORM, DRAFT_EDIT_FORM, DRAFT_VIEWS } from './ids.js';
import { LIMITS } from './limits.js';
import { truncate } from './mrkdwn.js';

/** Ids a draft modal carries; re-checked against storage on submit (team, deal, channel, message). */
export interface DraftModalMetadata {
  draftId: number;
  channelId: string;
  messageTs: string;
}

export const EDIT_SECTION_LABELS: Record<EditSection, string> = {
  ...SECTION_TITLES,
  questions: 'Questions to ask next',
};

/** Lines packed into texts of at most `max` characters (a plain-text input holds 3,000). */
export function packLines(lines: readonly string[], max: number = LIMITS.plainTextInputMaxLength): string[] {
  const parts: string[] = [];
  let part = '';
  for (const line of lines.map((l) => truncate(l, max))) {
    if (part && part.length + line.length + 1 > max) {
      parts.push(part);
      part = '';
    }
    part = part ? `${part}\n${line}` : line;
  }
  if (part || parts.length === 0) parts.push(part);
  return parts;
}

export const editBlockId = (section: EditSection, part: number) =>
  `${DRAFT_EDIT_FORM.blockPrefix}${section}_${part}`;

/** Which section (and part) an edit input belongs to, from its block id. */
export function editSectionOf(blockId: string): EditSection | null {
  if (!blockId.startsWith(DRAFT_EDIT_FORM.blockPrefix)) return null;
  const section = blockId.slice(DRAFT_EDIT_FORM.blockPrefix.length).replace(/_\d+$/, '');
  return (EDIT_SECTIONS as readonly string[]).includes(section) ? (section as EditSection) : null;
}

const HELP =
  'One item per line, starting with `-`. Keep the `[#12]` references: a point citing no known entry is shown as ' +
  'unverified, never as fact. A quote in "double quotes" at the end must be the customer’s exact words.';

/** "Edit": the draft as editable text, one input per section; saving stores a new version. */
export function draftEditModal(v: DraftVersion, meta: DraftModalMetadata): ModalView {
  const lines = draftToEditLines(v.content);
  const blocks: KnownBlock[] = [{ type: 'context', elements: [mrkdwn(HELP, LIMITS.contextText)] }];
  for (const section of EDIT_SECTIONS) {
    packLines(lines[section]).forEach((text, part) => {
      blocks.push({
        type: 'input',
        block_id: editBlockId(section, part),
        optional: true,
        label: plain(
          part === 0 ? EDIT_SECTION_LABELS[section] : `${EDIT_SECTION_LABELS[section]} (continued)`,
        ),
        element: {
          type: 'plain_text_input',
          action_id: DRAFT_EDIT_FORM.action,
          multiline: true,
          max_length: LIMITS.plainTextInputMaxLength,
          ...(text ? { initial_value: text } : {}),
        },
      });
    });
  }
  return {
    type: 'modal',
    callback_id: DRAFT_VIEWS.edit,
    private_metadata: metadata(meta),
    title: plain(`Edit draft v${v.version}`, LIMITS.modalTitle),
    submit: plain('Save new version', LIMITS.modalSubmit),
    close: plain('Cancel', LIMITS.modalClose),
    blocks: blocks.slice(0, LIMITS.blocksPerModal),
  };
}

const entryOption = (e: Entry) => ({
  text: plain(`#${e.id} ${ENTRY_KIND_LABELS[e.kind].one}: ${e.statement}`, LIMITS.optionText),
  value: String(e.id),
});

/** "Customer corrected": what they corrected, which entries, and optionally the new wording. */
export function draftCorrectedModal(
  v: DraftVersion,
  cited: readonly Entry[],
  meta: DraftModalMetadata,
): ModalView {
  const blocks: KnownBlock[] = [
    {
      type: 'input',
      block_id: DRAFT_CORRECTED_FORM.note,
      label: plain('What did the customer correct?'),
      element: {
        type: 'plain_text_input',
        action_id: DRAFT_CORRECTED_FORM.note,
        multiline: true,
        max_length: 2_000,
        placeholder: plain('e.g. "The freeze ends in April, not March"', LIMITS.placeholder),
      },
    },
  ];
  if (cited.length > 0) {
    blocks.push(
      {
        type: 'input',
        block_id: DRAFT_CORRECTED_FORM.entries,
        optional: true,
        label: plain('Which entries does it change?'),
        hint: plain('They are marked "corrected by customer"; their history is kept.'),
        element: {
          type: 'multi_static_select',
          action_id: DRAFT_CORRECTED_FORM.entries,
          options: cited.slice(0, LIMITS.staticSelectOptions).map(entryOption),
        },
      },
      {
        type: 'input',
        block_id: DRAFT_CORRECTED_FORM.statement,
        optional: true,
        label: plain('Corrected wording (when you picked one entry)'),
        element: {
          type: 'plain_text_input',
          action_id: DRAFT_CORRECTED_FORM.statement,
          max_length: 1_000,
        },
      },
    );
  }
  return {
    type: 'modal',
    callback_id: DRAFT_VIEWS.corrected,
    private_metadata: metadata(meta),
    title: plain(`Corrected: v${v.version}`, LIMITS.modalTitle),
    submit: plain('Record correction', LIMITS.modalSubmit),
    close: plain('Cancel', LIMITS.modalClose),
    blocks,
  };
}
