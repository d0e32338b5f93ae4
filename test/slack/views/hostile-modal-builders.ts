import type { ModalView } from '@slack/types';
import { draftOffline } from '../../../src/domain/drafts/offline-drafter.js';
import { toNewDraftVersion } from '../../../src/domain/drafts/version.js';
import { mapModal, overwriteModal, overwriteRefusedModal } from '../../../src/slack/views/crm.js';
import { decisionModal, outcomeModal } from '../../../src/slack/views/decisions-form.js';
import { draftCorrectedModal, draftEditModal } from '../../../src/slack/views/draft-modals.js';
import { entryModal } from '../../../src/slack/views/entry-form.js';
import { dealEntriesModal } from '../../../src/slack/views/home-entries.js';
import { decidedModal, newDateModal } from '../../../src/slack/views/nudge-modals.js';
import { recapDecisionEditModal, recapEntryEditModal } from '../../../src/slack/views/recap-edit.js';
import { recapModal } from '../../../src/slack/views/recap-modal.js';
import { setupModal } from '../../../src/slack/views/setup.js';
import { entry as draftEntry, nordfreight } from '../../domain/drafts/deal-fixtures.js';
import { AT, hostileRecords } from './hostile-fixtures.js';

/**
 * The modals that show user, model or CRM text, each with `h` in every such field (prefills included): they must
 * stay within Block Kit's limits, and their mrkdwn must stay inert.
 */
export function hostileModalBuilders(h: string): Record<string, () => ModalView> {
  const r = hostileRecords(h);
  const input = nordfreight();
  input.entries = input.entries.map((e) =>
    draftEntry(e.id, e.kind, `${e.statement} ${h}`, { ...e, quote: h }),
  );
  const version = {
    ...toNewDraftVersion({ teamId: 'T1', dealId: 1, createdBy: 'UREP', version: 2 }, draftOffline(input), h),
    id: 7,
    createdAt: AT,
  };
  const ref = { decisionId: 9, channelId: 'C1', messageTs: '1.2' };
  const many = <T>(make: (i: number) => T) => Array.from({ length: 120 }, (_, i) => make(i));
  return {
    overwriteModal: () =>
      overwriteModal({
        fieldLabel: h,
        current: h,
        ours: h,
        meta: { dealId: 1, source: 'drivers', lastModified: h.slice(0, 30) },
      }),
    overwriteRefusedModal: () => overwriteRefusedModal(h),
    mapModal: () =>
      mapModal({
        provider: 'hubspot',
        fields: many((i) => ({
          name: `f${i}_${h.slice(0, 40)}`,
          label: h,
          type: 'string',
          updateable: true,
        })),
        mappings: [],
      }),
    decisionModal: () =>
      decisionModal({
        meta: { dealId: 1, channelId: 'C1', decisionId: 9 },
        prefill: { title: h, customerOwnerId: 3, relatedEntryIds: [5] },
        stakeholders: many((i) => ({ ...r.stakeholder, id: i + 1 })),
        entries: many((i) => ({ ...r.entry, id: i + 1 })),
        accountName: h,
        editing: true,
      }),
    outcomeModal: () => outcomeModal(r.decision, { decisionId: 9, channelId: 'C1' }),
    draftEditModal: () => draftEditModal(version, { draftId: 7, channelId: 'C1', messageTs: '1.2' }),
    draftCorrectedModal: () =>
      draftCorrectedModal(
        version,
        many((i) => ({ ...r.entry, id: i + 1 })),
        {
          draftId: 7,
          channelId: 'C1',
          messageTs: '1.2',
        },
      ),
    entryModal: () =>
      entryModal({
        meta: { dealId: 1, entryId: 5 },
        prefill: {
          kind: 'driver',
          statement: h,
          quote: h,
          stakeholderName: h,
          stakeholderTitle: h,
          source: h,
        },
        stakeholders: many((i) => ({ ...r.stakeholder, id: i + 1 })),
        accountName: h,
        editing: true,
      }),
    dealEntriesModal: () =>
      dealEntriesModal(
        r.deal,
        many((i) => ({ ...r.entry, id: i + 1 })),
        [r.stakeholder],
      ),
    decidedModal: () => decidedModal(h, ref),
    newDateModal: () => newDateModal(h, '2026-03-01', ref),
    recapEntryEditModal: () =>
      recapEntryEditModal({
        proposalId: 11,
        payload: { kind: 'driver', statement: h, quote: h, speaker: h, constraintCategory: null },
        meeting: r.meeting,
        stakeholders: [r.stakeholder],
      }),
    recapDecisionEditModal: () =>
      recapDecisionEditModal({
        proposalId: 14,
        payload: { title: h, ownerName: h, dueDate: '2026-03-01' },
        meeting: r.meeting,
      }),
    recapModal: () =>
      recapModal({
        meta: { dealId: 1, channelId: 'C1', meetingId: 2, threadReplies: 3 },
        prefill: { title: h, date: '2026-02-10', ourUserIds: ['UREP'], ourSpeakers: h },
        stakeholders: many((i) => ({ ...r.stakeholder, id: i + 1 })),
        files: many((i) => ({ id: `F${i}`, name: h })),
        accountName: h,
      }),
    setupModal: () =>
      setupModal({ channelId: 'C1', stages: many(() => h), deal: r.deal, defaultOwner: 'UREP' }),
  };
}
