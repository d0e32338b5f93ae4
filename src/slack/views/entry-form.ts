import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import {
  CONSTRAINT_CATEGORY_LABELS,
  ENTRY_KIND_LABELS,
  ENTRY_KINDS,
  ENTRY_STATUS_LABELS,
  type Entry,
  type EntryKind,
  PRIORITIES,
  SEVERITIES,
} from '../../domain/entries.js';
import { ENTRY_INPUT_LIMITS as ENTRY_LIMITS } from '../../domain/entry-input.js';
import { INTERNAL_ONLY_REASONS, suggestInternalOnly } from '../../domain/privacy/internal-only.js';
import { BUYING_ROLE_LABELS, type Stakeholder } from '../../domain/stakeholders.js';
import { findOption, metadata, option, options, plain, textInput } from './blocks.js';
import { ENTRY_FORM as F, VIEW_IDS } from './ids.js';

/** What the entry modal carries between open and submit (ids only; ownership is re-checked on submit). */
export interface EntryFormMetadata {
  dealId: number;
  entryId?: number;
  /** Meeting id or message permalink saved as the source when the user did not type one. */
  sourceType?: 'meeting' | 'message';
  sourceRef?: string;
  channelId?: string;
  /** The kind of a single-kind modal (no selector shown). */
  kind?: EntryKind;
}

export interface EntryFormPrefill {
  kind?: EntryKind;
  /** Show the kind selector even when a kind is prefilled (/vision log, message shortcut). */
  chooseKind?: boolean;
  statement?: string;
  quote?: string;
  stakeholderId?: number | null;
  stakeholderName?: string;
  stakeholderTitle?: string;
  source?: string;
  saidOn?: string;
  priority?: Entry['priority'];
  status?: Entry['status'];
  constraintCategory?: Entry['constraintCategory'];
  severity?: Entry['severity'];
  /** Ticked or not; when absent, ticked if the prefilled words look internal (suggestInternalOnly). */
  internalOnly?: boolean;
}

export const INTERNAL_ONLY_VALUE = 'internal_only';
const INTERNAL_ONLY_OPTION: PlainTextOption = option(
  'Internal only (never shown to the customer)',
  INTERNAL_ONLY_VALUE,
);

/** The "Internal only" checkbox, offered ticked for a personal fear or someone's standing, with the reason. */
function internalOnlyBlock(prefill: EntryFormPrefill, stakeholders: Stakeholder[]): KnownBlock {
  const suggested =
    prefill.statement || prefill.quote
      ? suggestInternalOnly(
          {
            kind: prefill.kind ?? 'driver',
            statement: prefill.statement ?? '',
            quote: prefill.quote ?? null,
          },
          stakeholders.map((s) => s.name),
        )
      : null;
  const ticked = prefill.internalOnly ?? suggested !== null;
  const hint =
    suggested && prefill.internalOnly === undefined
      ? `Ticked because ${INTERNAL_ONLY_REASONS[suggested]}. It still feeds your private listening check.`
      : "Personal fears and anything about someone's standing: only you and your team see it.";
  return {
    type: 'input',
    block_id: F.internalOnly,
    optional: true,
    label: plain('Who may see it?'),
    hint: plain(hint),
    element: {
      type: 'checkboxes',
      action_id: F.internalOnly,
      options: [INTERNAL_ONLY_OPTION],
      ...(ticked ? { initial_options: [INTERNAL_ONLY_OPTION] } : {}),
    },
  };
}

const levelLabels = (levels: readonly string[]) =>
  Object.fromEntries(levels.map((l) => [l, l[0]!.toUpperCase() + l.slice(1)]));

const KIND_OPTIONS: PlainTextOption[] = ENTRY_KINDS.map((k) => option(ENTRY_KIND_LABELS[k].one, k));
const PRIORITY_OPTIONS = options(levelLabels(PRIORITIES));
const SEVERITY_OPTIONS = options(levelLabels(SEVERITIES));
const CATEGORY_OPTIONS = options(CONSTRAINT_CATEGORY_LABELS);
const ROLE_OPTIONS = options(BUYING_ROLE_LABELS);
const STATUS_OPTIONS = options(ENTRY_STATUS_LABELS);

function staticSelect(
  blockId: string,
  label: string,
  all: PlainTextOption[],
  initial: string | null | undefined,
  optional: boolean,
  hint?: string,
): KnownBlock {
  const selected = findOption(all, initial);
  return {
    type: 'input',
    block_id: blockId,
    optional,
    label: plain(label),
    ...(hint ? { hint: plain(hint) } : {}),
    element: {
      type: 'static_select',
      action_id: blockId,
      options: all,
      ...(selected ? { initial_option: selected } : {}),
    },
  };
}

/** The input blocks of an entry: shared by the log modal, the edit modal and recap confirmations. */
export function entryFormBlocks(
  prefill: EntryFormPrefill,
  stakeholders: Stakeholder[],
  withStatus = false,
): KnownBlock[] {
  const kind = prefill.kind ?? 'driver';
  const showKind = prefill.chooseKind ?? prefill.kind === undefined;
  const showConstraintFields = showKind || kind === 'constraint';
  const blocks: KnownBlock[] = [];
  if (showKind) blocks.push(staticSelect(F.kind, 'What is it?', KIND_OPTIONS, kind, false));
  blocks.push(
    textInput(F.quote, kind === 'proposal' ? 'What we proposed, as said' : 'Their words (verbatim)', {
      initial: prefill.quote,
      multiline: true,
      maxLength: ENTRY_LIMITS.quote,
      optional: true,
      hint:
        kind === 'proposal'
          ? 'Our own words.'
          : 'Paste exactly what the customer said. Their words beat our summary.',
    }),
    textInput(F.statement, 'In one line', {
      initial: prefill.statement,
      maxLength: ENTRY_LIMITS.statement,
      optional: false,
      placeholder: 'e.g. Cross-border shipments take three days too long',
    }),
  );
  const stakeholderOptions = stakeholders
    .slice(0, 100)
    .map((s) => option(s.title ? `${s.name} (${s.title})` : s.name, String(s.id)));
  if (stakeholderOptions.length > 0) {
    blocks.push(
      staticSelect(
        F.stakeholderExisting,
        'Who said it?',
        stakeholderOptions,
        prefill.stakeholderId ? String(prefill.stakeholderId) : null,
        true,
      ),
    );
  }
  blocks.push(
    textInput(F.stakeholderName, stakeholderOptions.length > 0 ? '…or someone new' : 'Who said it?', {
      initial: prefill.stakeholderName,
      maxLength: ENTRY_LIMITS.stakeholderName,
      optional: true,
      hint: 'Required when you give a quote.',
    }),
    textInput(F.stakeholderTitle, 'Their title or role', {
      initial: prefill.stakeholderTitle,
      maxLength: ENTRY_LIMITS.stakeholderTitle,
      optional: true,
    }),
    staticSelect(F.stakeholderRole, 'Buying role', ROLE_OPTIONS, null, true),
    textInput(F.source, 'Where did it come from?', {
      initial: prefill.source,
      maxLength: ENTRY_LIMITS.source,
      optional: true,
      placeholder: 'e.g. Discovery call, Nov 20',
    }),
    {
      type: 'input',
      block_id: F.saidOn,
      optional: true,
      label: plain('When was it said?'),
      element: {
        type: 'datepicker',
        action_id: F.saidOn,
        ...(prefill.saidOn ? { initial_date: prefill.saidOn } : {}),
      },
    },
    staticSelect(F.priority, 'Priority', PRIORITY_OPTIONS, prefill.priority ?? 'medium', false),
  );
  if (showConstraintFields) {
    const hint = showKind ? 'Constraints only.' : undefined;
    blocks.push(
      staticSelect(
        F.constraintCategory,
        'Constraint type',
        CATEGORY_OPTIONS,
        prefill.constraintCategory,
        true,
        hint,
      ),
      staticSelect(F.severity, 'Severity', SEVERITY_OPTIONS, prefill.severity, true, hint),
    );
  }
  if (withStatus)
    blocks.push(staticSelect(F.status, 'Status', STATUS_OPTIONS, prefill.status ?? 'unconfirmed', false));
  blocks.push(internalOnlyBlock(prefill, stakeholders));
  return blocks;
}

export function entryModal(args: {
  meta: EntryFormMetadata;
  prefill: EntryFormPrefill;
  stakeholders: Stakeholder[];
  accountName: string;
  editing?: boolean;
}): ModalView {
  const kind = args.prefill.kind;
  const title = args.editing
    ? 'Edit entry'
    : kind && !args.prefill.chooseKind
      ? `Log ${ENTRY_KIND_LABELS[kind].one.toLowerCase()}`
      : 'Log to shared vision';
  return {
    type: 'modal',
    callback_id: args.editing ? VIEW_IDS.editEntry : VIEW_IDS.logEntry,
    private_metadata: metadata({ ...args.meta, kind: args.prefill.chooseKind ? undefined : kind }),
    title: plain(title, 24),
    submit: plain('Save', 24),
    close: plain('Cancel', 24),
    blocks: [
      {
        type: 'context',
        elements: [{ type: 'plain_text', text: `Deal: ${args.accountName}`.slice(0, 2000), emoji: false }],
      },
      ...entryFormBlocks(args.prefill, args.stakeholders, args.editing ?? false),
    ],
  };
}
