import type { WebClient } from '@slack/web-api';
import { CRM_LABELS, type CrmProvider } from '../../domain/crm/types.js';
import { disconnectConfirmMessage, disconnectedText } from '../views/crm-disconnect.js';
import type { CrmDeps } from './crm.js';
import { crmConnectionTarget } from './crm-connection-gate.js';
import { crmConnectionRefusal, workspaceAdminCheck } from './workspace-admin.js';

type Respond = (message: {
  response_type?: 'ephemeral';
  replace_original?: boolean;
  text: string;
  blocks?: ReturnType<typeof disconnectConfirmMessage>['blocks'];
}) => Promise<unknown>;

/**
 * `/vision crm disconnect salesforce|hubspot`: for workspace admins, a private confirm step that says what
 * happens (tokens deleted here and revoked at the CRM, links kept read-only, audit log kept).
 */
export async function offerCrmDisconnect(
  deps: CrmDeps,
  client: WebClient,
  args: { teamId: string; userId: string; providerWord: string | undefined; respond: Respond },
): Promise<void> {
  const target = await crmConnectionTarget(deps, client, args, 'disconnect');
  if (!target) return;
  const { connect, provider } = target;
  const { respond } = args;
  if (!(await connect.isConnected(args.teamId, provider))) {
    await respond({
      response_type: 'ephemeral',
      text: `${CRM_LABELS[provider].crm} is not connected to this workspace: there is nothing to disconnect.`,
    });
    return;
  }
  await respond({ response_type: 'ephemeral', ...disconnectConfirmMessage(provider) });
}

/** The Disconnect button: checks the admin again, then revokes, deletes and reports in place of the confirm. */
export async function disconnectCrm(
  deps: CrmDeps,
  client: WebClient,
  args: { teamId: string; userId: string; provider: CrmProvider; respond: Respond },
): Promise<void> {
  const connect = deps.crm.connect;
  if (!connect?.providers.includes(args.provider)) return;
  const check = await workspaceAdminCheck(deps, client, args.userId);
  if (check !== 'admin') {
    await args.respond({
      replace_original: true,
      text: crmConnectionRefusal(check, 'disconnect'),
    });
    return;
  }
  const outcome = await connect.disconnect(args.teamId, args.provider);
  deps.logger.info(
    `CRM disconnected: team ${args.teamId}, ${args.provider}, by ${args.userId} (revoke: ${outcome.revoke.kind})`,
  );
  await args.respond({ replace_original: true, text: disconnectedText(args.provider, outcome) });
}
