import type { KnownBlock } from '@slack/types';
import { CRM_LABELS, type CrmProvider } from '../../domain/crm/types.js';
import { mrkdwn, plain } from './blocks.js';
import { CRM_IDS } from './crm-ids.js';
import { escapeMrkdwn, truncate } from './mrkdwn.js';

/** Where an admin revokes the app by hand when the CRM did not confirm it. */
const REVOKE_BY_HAND: Record<CrmProvider, string> = {
  salesforce: 'in Salesforce Setup → Connected Apps OAuth Usage',
  hubspot: "in HubSpot's Settings → Integrations → Connected apps",
};

/** What revoking does at each CRM, as each documents it. */
const REVOKE_EFFECT: Record<CrmProvider, string> = {
  salesforce: 'asks Salesforce to revoke its refresh token, which ends every session made from it',
  hubspot:
    'asks HubSpot to delete its refresh token (an access token HubSpot already issued expires there within 30 minutes; this app stops using it at once)',
};

/** The confirm step: what disconnecting does and does not do, then Disconnect or Cancel. */
export function disconnectConfirmMessage(provider: CrmProvider): { text: string; blocks: KnownBlock[] } {
  const { crm, record } = CRM_LABELS[provider];
  const reconnect = `\`/vision crm connect ${provider}\``;
  const lines = [
    `*Disconnect ${crm} from this workspace?*`,
    `• The app deletes its ${crm} tokens here and ${REVOKE_EFFECT[provider]}.`,
    `• Deal channels linked to a ${crm} ${record} stay linked, read-only: they keep the stage, amount and close date last read. Nothing is read from or written to ${crm} until an admin connects again with ${reconnect}; reconnecting the same ${provider === 'salesforce' ? 'org' : 'portal'} picks them up as they were.`,
    '• The audit log of every write (`/vision crm log`) and the field mappings are kept.',
    `• Nothing in ${crm} is deleted: notes and tasks already sent stay there.`,
  ];
  return {
    text: `Disconnect ${crm} from this workspace? Linked deals stay linked, read-only; the audit log is kept.`,
    blocks: [
      { type: 'section', text: mrkdwn(lines.join('\n')) },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: CRM_IDS.disconnect,
            style: 'danger',
            text: plain(`Disconnect ${crm}`, 75),
            value: provider,
          },
          { type: 'button', action_id: CRM_IDS.disconnectCancel, text: plain('Cancel', 75), value: provider },
        ],
      },
    ],
  };
}

/** After the Disconnect button: what happened here and at the CRM, in words an admin can act on. */
export function disconnectedText(
  provider: CrmProvider,
  outcome: {
    wasConnected: boolean;
    revoke: { kind: 'revoked' } | { kind: 'nothing' } | { kind: 'failed'; why: string };
  },
): string {
  const { crm } = CRM_LABELS[provider];
  const reconnect = `An admin can connect it again with \`/vision crm connect ${provider}\`.`;
  if (!outcome.wasConnected)
    return `${crm} was not connected to this workspace: nothing changed. ${reconnect}`;
  const atCrm =
    outcome.revoke.kind === 'revoked'
      ? `${crm} confirmed that the app's access is revoked.`
      : outcome.revoke.kind === 'nothing'
        ? `There was no ${crm} refresh token to revoke.`
        : `${crm} did not confirm the revocation (${escapeMrkdwn(truncate(outcome.revoke.why, 120))}); to be sure, revoke the app ${REVOKE_BY_HAND[provider]}.`;
  return `${crm} is disconnected from this workspace: its tokens are deleted here. ${atCrm} Linked deal channels keep what was last read, read-only, and the audit log is kept. ${reconnect}`;
}
