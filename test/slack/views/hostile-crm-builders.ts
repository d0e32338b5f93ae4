import type { CrmLink, CrmWrite } from '../../../src/domain/crm/records.js';
import { auditLogMessage, crmPanel, sendReportMessage } from '../../../src/slack/views/crm.js';
import { disconnectedText } from '../../../src/slack/views/crm-disconnect.js';
import { AT } from './hostile-fixtures.js';

/** The CRM messages, with `h` in everything a CRM record or a CRM's error could carry. */
export function hostileCrmBuilders(h: string) {
  const link: CrmLink = {
    teamId: 'T1',
    dealId: 1,
    provider: 'salesforce',
    recordId: '006XX',
    snapshot: {
      provider: 'salesforce',
      recordId: '006XX',
      name: h,
      accountName: h,
      stage: h,
      amount: 125_000,
      currency: 'EUR',
      closeDate: '2026-03-31',
      ownerId: '005XX',
      ownerName: h,
      contacts: [{ id: '003XX', name: h, email: null, role: h }],
      lastModified: AT.toISOString(),
    },
    linkedBy: 'UREP',
    refreshedAt: AT,
  };
  const write = (action: CrmWrite['action'], status: CrmWrite['status']): CrmWrite => ({
    id: 1,
    teamId: 'T1',
    dealId: 1,
    provider: 'salesforce',
    recordId: '006XX',
    userId: 'UREP',
    action,
    target: h,
    before: h,
    after: h,
    status,
    crmId: null,
    message: h,
    at: AT,
  });
  return {
    crmPanel: () => crmPanel(link, `https://example.my.salesforce.com/${h}`),
    sendReportMessage: () =>
      sendReportMessage({
        link,
        version: 3,
        note: { status: 'failed', message: h },
        tasks: [{ decisionId: 9, title: h, status: 'created', message: h }],
        fields: [
          {
            source: 'drivers',
            field: 'Pain__c',
            fieldLabel: h,
            status: 'failed',
            current: h,
            ours: h,
            lastModified: null,
            message: h,
          },
        ],
      }),
    auditLogMessage: () =>
      auditLogMessage([write('field', 'refused'), write('note', 'done'), write('task', 'failed')]),
    // Only the CRM's refusal reason is outside text here.
    disconnectedText: () => {
      const text = disconnectedText('salesforce', { wasConnected: true, revoke: { kind: 'failed', why: h } });
      return { text, blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text } }] };
    },
  };
}
