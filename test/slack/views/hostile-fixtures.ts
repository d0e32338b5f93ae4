import type { DealAnswer } from '../../../src/domain/ask/types.js';
import type { Deal } from '../../../src/domain/deals.js';
import type { Decision } from '../../../src/domain/decisions.js';
import type { Entry } from '../../../src/domain/entries.js';
import type { ChannelNudge, DigestItem } from '../../../src/domain/nudges/plan.js';
import type { Meeting, RecapProposal } from '../../../src/domain/recap/meeting.js';
import type { Stakeholder } from '../../../src/domain/stakeholders.js';

export const AT = new Date('2026-02-10T09:00:00Z');

/** Domain records whose every free-text field is `h` (hostile text), for the message builders. */
export function hostileRecords(h: string) {
  const deal: Deal = {
    id: 1,
    teamId: 'T1',
    channelId: 'C1',
    accountName: h,
    dealName: h,
    stage: 'discovery',
    ownerUserId: 'UREP',
    crmUrl: `https://crm.example/deal?id=1&q=${h}`,
    stallDays: null,
    nudgesMuted: false,
    archived: false,
    createdAt: AT,
    updatedAt: AT,
  };
  const stakeholder: Stakeholder = {
    id: 3,
    teamId: 'T1',
    dealId: 1,
    name: h,
    title: h,
    buyingRole: 'champion',
    createdAt: AT,
  };
  const entry: Entry = {
    id: 5,
    teamId: 'T1',
    dealId: 1,
    kind: 'driver',
    statement: h,
    quote: h,
    stakeholderId: 3,
    source: null,
    saidOn: '2026-02-10',
    priority: 'high',
    status: 'unconfirmed',
    constraintCategory: null,
    severity: null,
    internalOnly: false,
    archived: false,
    createdBy: 'UREP',
    createdAt: AT,
    updatedBy: 'UREP',
    updatedAt: AT,
  };
  const decision: Decision = {
    id: 9,
    teamId: 'T1',
    dealId: 1,
    title: h,
    customerOwnerId: 3,
    ourOwnerUserId: 'UREP',
    dueDate: '2026-03-01',
    status: 'open',
    outcome: h,
    snoozedUntil: null,
    lastActivityAt: AT,
    relatedEntryIds: [5],
    threadTs: null,
    createdBy: 'UREP',
    createdAt: AT,
    updatedAt: AT,
  };
  const meeting: Meeting = {
    id: 2,
    teamId: 'T1',
    dealId: 1,
    channelId: 'C1',
    title: h,
    meetingDate: '2026-02-10',
    startsAt: AT,
    endsAt: AT,
    status: 'scheduled' as Meeting['status'],
    ourUserIds: ['UREP'],
    customerStakeholderIds: [3],
    customerNew: [],
    notes: h,
    transcript: h,
    proposedByUs: h,
    recapTs: null,
    promptTs: null,
    promptPostedAt: null,
    analysis: null,
    createdBy: 'UREP',
    createdAt: AT,
    updatedAt: AT,
  };

  const nudgeItem: DigestItem = {
    decisionId: 9,
    dealId: 1,
    title: h,
    customerOwner: { id: 3, name: h },
    ourOwnerUserId: 'UREP',
    dueDate: '2026-03-01',
    threadTs: null,
    reason: 'overdue',
    daysOverdue: 3,
    daysIdle: 12,
    label: '3 days overdue',
    related: [{ id: 5, kind: 'driver', statement: h }],
    nextStep: { text: h, entryIds: [5] },
    channelId: 'C1',
    accountName: h,
    dealName: h,
  } as unknown as DigestItem;
  const answer: DealAnswer = {
    found: true,
    heading: h,
    text: h,
    lines: [
      {
        citation: '#5',
        entryId: 5,
        label: h,
        text: h,
        quote: h,
        saidBy: h,
        confirmed: true,
      },
    ],
    suggestedQuestion: h,
    source: 'openai',
    fallbackReason: null,
  };
  const channelNudge = {
    dealId: 1,
    channelId: 'C1',
    accountName: h,
    dealName: h,
    items: [{ ...nudgeItem, sendKey: 'k' }],
  } as ChannelNudge;
  const base = { teamId: 'T1', meetingId: 2, messageTs: null, resolvedBy: null, resolvedAt: null };
  const proposals: RecapProposal[] = [
    {
      ...base,
      id: 11,
      status: 'proposed',
      kind: 'entry',
      payload: { kind: 'driver', statement: h, quote: h, speaker: h, constraintCategory: null },
      entryId: null,
    },
    {
      ...base,
      id: 12,
      status: 'confirmed',
      kind: 'entry',
      payload: { kind: 'risk', statement: h, quote: null, speaker: null, constraintCategory: null },
      entryId: 5,
    },
    {
      ...base,
      id: 13,
      status: 'discarded',
      kind: 'entry',
      payload: { kind: 'constraint', statement: h, quote: h, speaker: h, constraintCategory: 'budget' },
      entryId: null,
    },
    {
      ...base,
      id: 14,
      status: 'proposed',
      kind: 'decision',
      payload: { title: h, ownerName: h, dueDate: '2026-03-01' },
      decisionId: null,
    },
  ];
  return { deal, stakeholder, entry, decision, meeting, nudgeItem, answer, channelNudge, proposals };
}
