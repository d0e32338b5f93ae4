import type { KnownBlock, ModalView } from '@slack/types';
import {
  CRM_SOURCE_LABELS,
  CRM_SOURCES,
  type CrmFieldMapping,
  type CrmLink,
  type CrmWrite,
} from '../../domain/crm/records.js';
import type { CrmField } from '../../domain/crm/types.js';
import { CRM_LABELS } from '../../domain/crm/types.js';
import type { FieldOutcome, SendReport } from '../../services/crm/send.js';
import { metadata, mrkdwn, option, plain } from './blocks.js';
import { CRM_IDS } from './crm-ids.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, linkMrkdwn, mentionUser, truncate } from './mrkdwn.js';

const money = (amount: number | null, currency: string | null) =>
  amount === null ? 'not set' : `${currency ? `${currency} ` : ''}${amount.toLocaleString('en-US')}`;

/** The linked record, read-only: the CRM owns stage, amount, close date, owner and contacts. */
export function crmPanel(link: CrmLink, recordUrl: string): { text: string; blocks: KnownBlock[] } {
  const s = link.snapshot;
  const crm = CRM_LABELS[link.provider];
  const contacts = s.contacts.length
    ? s.contacts
        .map((c) => `• ${escapeMrkdwn(c.name)}${c.role ? ` (${escapeMrkdwn(c.role)})` : ''}`)
        .join('\n')
    : '_no contacts on the record_';
  const text = `${crm.crm} ${crm.record}: ${s.name}, ${s.stage}, ${money(s.amount, s.currency)}, closes ${s.closeDate ?? 'not set'}`;
  return {
    text: escapeMrkdwn(text),
    blocks: [
      {
        type: 'section',
        text: mrkdwn(`*${linkMrkdwn(recordUrl, s.name)}* in ${crm.crm} (read-only here)`),
      },
      {
        type: 'section',
        fields: [
          mrkdwn(`*Stage*\n${escapeMrkdwn(truncate(s.stage, 200))}`, LIMITS.sectionFieldText),
          mrkdwn(`*Amount*\n${escapeMrkdwn(money(s.amount, s.currency))}`, LIMITS.sectionFieldText),
          mrkdwn(`*Close date*\n${escapeMrkdwn(s.closeDate ?? 'not set')}`, LIMITS.sectionFieldText),
          mrkdwn(
            `*Owner*\n${escapeMrkdwn(truncate(s.ownerName ?? 'not set', 200))}`,
            LIMITS.sectionFieldText,
          ),
        ],
      },
      { type: 'section', text: mrkdwn(`*Contacts and roles*\n${contacts}`) },
      {
        type: 'context',
        elements: [
          mrkdwn(
            `Read from ${crm.crm} ${link.refreshedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC · \`/vision crm refresh\` · \`/vision crm log\``,
          ),
        ],
      },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: CRM_IDS.send,
            text: plain('Send latest draft to CRM', LIMITS.buttonText),
            value: String(link.dealId),
          },
          {
            type: 'button',
            action_id: CRM_IDS.refresh,
            text: plain('Refresh', LIMITS.buttonText),
            value: String(link.dealId),
          },
        ],
      },
    ],
  };
}

const OUTCOME_WORDS = {
  created: 'created',
  already: 'already in the CRM (not sent again)',
  failed: 'not written',
} as const;

function fieldLine(f: FieldOutcome): string {
  const name = escapeMrkdwn(f.fieldLabel);
  switch (f.status) {
    case 'filled':
      return `• ${name}: was empty, filled`;
    case 'same':
      return `• ${name}: already says the same`;
    case 'nothing':
      return `• ${name}: nothing of ours to put there`;
    case 'needs_confirm':
      return `• ${name}: holds something else; left as is until you review it`;
    case 'failed':
      return `• ${name}: not written. ${escapeMrkdwn(f.message ?? '')}`;
  }
}

/** What "Send to CRM" did, for the person who asked (ephemeral). CRM messages are quoted verbatim. */
export function sendReportMessage(report: SendReport): { text: string; blocks: KnownBlock[] } {
  const crm = CRM_LABELS[report.link.provider].crm;
  const lines = [
    `*Note* (draft v${report.version}): ${OUTCOME_WORDS[report.note.status]}${report.note.message ? `\n> ${escapeMrkdwn(report.note.message)}` : ''}`,
    report.tasks.length
      ? `*Tasks* for open decisions:\n${report.tasks
          .map(
            (t) =>
              `• ${escapeMrkdwn(t.title)}: ${OUTCOME_WORDS[t.status]}${t.message ? `\n> ${escapeMrkdwn(t.message)}` : ''}`,
          )
          .join('\n')}`
      : '*Tasks*: no open decisions.',
    report.fields.length ? `*Mapped fields*:\n${report.fields.map(fieldLine).join('\n')}` : '',
  ].filter(Boolean);
  const blocks: KnownBlock[] = [
    { type: 'section', text: mrkdwn(`Sent to ${crm}: ${escapeMrkdwn(report.link.snapshot.name)}`) },
    { type: 'section', text: mrkdwn(lines.join('\n\n')) },
  ];
  const review = report.fields.filter((f) => f.status === 'needs_confirm').slice(0, 5);
  if (review.length) {
    blocks.push({
      type: 'actions',
      elements: review.map((f) => ({
        type: 'button' as const,
        action_id: `${CRM_IDS.reviewOverwrite}:${f.source}`,
        text: plain(truncate(`Review ${f.fieldLabel}`, LIMITS.buttonText), LIMITS.buttonText),
        value: JSON.stringify({ d: report.link.dealId, s: f.source, m: f.lastModified }),
      })),
    });
  }
  return {
    text: `Sent to ${crm}: note ${OUTCOME_WORDS[report.note.status]}, ${report.tasks.length} decision task(s)`,
    blocks,
  };
}

export interface OverwriteMetadata {
  dealId: number;
  source: string;
  lastModified: string;
}

/** Confirm before replacing what someone typed in the CRM: their value beside ours. */
export function overwriteModal(args: {
  fieldLabel: string;
  current: string;
  ours: string;
  meta: OverwriteMetadata;
}): ModalView {
  const cap = (t: string) => truncate(t, 2_900);
  return {
    type: 'modal',
    callback_id: CRM_IDS.overwriteView,
    private_metadata: metadata(args.meta),
    title: plain('Replace CRM value?', LIMITS.modalTitle),
    submit: plain('Replace', LIMITS.modalSubmit),
    close: plain('Keep theirs', LIMITS.modalClose),
    blocks: [
      {
        type: 'section',
        text: mrkdwn(
          `*${escapeMrkdwn(args.fieldLabel)}* already holds something in the CRM. Replace it with ours?`,
        ),
      },
      { type: 'section', text: mrkdwn(`*In the CRM now*\n${escapeMrkdwn(cap(args.current))}`) },
      { type: 'section', text: mrkdwn(`*Ours*\n${escapeMrkdwn(cap(args.ours))}`) },
      {
        type: 'context',
        elements: [
          mrkdwn('If anyone changes this record in the meantime, nothing is replaced and you will be told.'),
        ],
      },
    ],
  };
}

/** `/vision crm map`: one select per source of ours, listing the CRM's writable text fields. */
export function mapModal(args: {
  provider: CrmLink['provider'];
  fields: CrmField[];
  mappings: CrmFieldMapping[];
}): ModalView {
  const fieldOptions = args.fields
    .slice(0, LIMITS.staticSelectOptions - 1)
    .map((f) => option(`${f.label} (${f.name})`, f.name));
  const none = option('Not mapped', '-');
  return {
    type: 'modal',
    callback_id: CRM_IDS.mapView,
    private_metadata: metadata({ provider: args.provider }),
    title: plain('Map CRM fields', LIMITS.modalTitle),
    submit: plain('Save', LIMITS.modalSubmit),
    close: plain('Cancel', LIMITS.modalClose),
    blocks: [
      {
        type: 'section',
        text: mrkdwn(
          `Choose which ${CRM_LABELS[args.provider].crm} field each part of the shared vision may fill. Empty fields are filled; anything already there is only replaced after you confirm.`,
        ),
      },
      ...CRM_SOURCES.map((source): KnownBlock => {
        const current = args.mappings.find((m) => m.source === source);
        const initial = current ? fieldOptions.find((o) => o.value === current.field) : none;
        return {
          type: 'input',
          block_id: `${CRM_IDS.mapBlockPrefix}${source}`,
          optional: true,
          label: plain(CRM_SOURCE_LABELS[source]),
          element: {
            type: 'static_select',
            action_id: `${CRM_IDS.mapBlockPrefix}${source}`,
            options: [none, ...fieldOptions],
            ...(initial ? { initial_option: initial } : {}),
          },
        };
      }),
    ],
  };
}

const STATUS_WORDS: Record<CrmWrite['status'], string> = {
  done: 'written',
  refused: 'refused by the CRM',
  stale: 'not written: changed in the CRM meanwhile',
  failed: 'failed',
  skipped: 'skipped',
};

/** `/vision crm log`: every write we made or tried, newest first. */
export function auditLogMessage(writes: CrmWrite[]): { text: string; blocks: KnownBlock[] } {
  if (writes.length === 0)
    return { text: 'Nothing has been written to the CRM for this deal yet.', blocks: [] };
  const lines = writes.map((w) => {
    const what =
      w.action === 'field'
        ? `field ${escapeMrkdwn(w.target)}`
        : w.action === 'note'
          ? `note (${escapeMrkdwn(w.target)})`
          : `task ${escapeMrkdwn(w.after ?? w.target)}`;
    const change =
      w.action === 'field'
        ? `: ${escapeMrkdwn(truncate(w.before ?? '(empty)', 80))} → ${escapeMrkdwn(truncate(w.after ?? '', 80))}`
        : '';
    const why = w.message ? ` (${escapeMrkdwn(truncate(w.message, 200))})` : '';
    return `• ${w.at.toISOString().slice(0, 16).replace('T', ' ')} ${mentionUser(w.userId)} ${what}${change}: ${STATUS_WORDS[w.status]}${why}`;
  });
  return {
    text: `${writes.length} CRM write(s) for this deal`,
    blocks: [
      { type: 'section', text: mrkdwn(`*CRM writes for this deal* (newest first)\n${lines.join('\n')}`) },
    ],
  };
}

/** Shown in place of the confirm modal when its (untrusted) metadata names no deal of this workspace. */
export function overwriteRefusedModal(reason: string): ModalView {
  return {
    type: 'modal',
    callback_id: CRM_IDS.overwriteView,
    title: plain('Replace CRM value?', LIMITS.modalTitle),
    close: plain('Close', LIMITS.modalClose),
    blocks: [{ type: 'section', text: plain(reason, 3_000) }],
  };
}
