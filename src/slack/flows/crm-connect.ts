import type { WebClient } from '@slack/web-api';
import { CRM_LABELS, type CrmProvider } from '../../domain/crm/types.js';
import type { CrmDeps } from './crm.js';
import { crmConnectionTarget } from './crm-connection-gate.js';

type Respond = (message: { response_type: 'ephemeral'; text: string }) => Promise<unknown>;

/**
 * `/vision crm connect salesforce|hubspot`: a workspace admin gets, privately, a link that starts the CRM's
 * OAuth flow for this workspace (valid ten minutes, once, bound to them). Nobody else gets a link.
 */
export async function offerCrmConnect(
  deps: CrmDeps,
  client: WebClient,
  args: { teamId: string; userId: string; providerWord: string | undefined; respond: Respond },
): Promise<void> {
  const target = await crmConnectionTarget(deps, client, args, 'connect');
  if (!target) return;
  const { connect, provider } = target;
  const { respond } = args;
  const url = connect.linkFor(args.teamId, args.userId, provider);
  const crm = CRM_LABELS[provider].crm;
  await respond({
    response_type: 'ephemeral',
    text: `<${url}|Connect ${crm}> for this workspace: sign in to ${crm} as a user who can read and update ${CRM_LABELS[provider].record}s. The link is yours only, works once and expires in 10 minutes. Every rep's reads and writes will go through this connection.`,
  });
}

/** After the callback stored the tokens: the admin who connected hears it in Slack too (a DM from the app). */
export async function announceCrmConnected(
  deps: { logger: CrmDeps['logger'] },
  client: WebClient,
  args: { userId: string; provider: CrmProvider },
): Promise<void> {
  const { crm, record } = CRM_LABELS[args.provider];
  try {
    await client.chat.postMessage({
      channel: args.userId,
      text: `${crm} is connected for this workspace. Reps can now link a deal channel to its ${record} with \`/vision setup\` (paste the link or search by name).`,
    });
  } catch (error) {
    deps.logger.warn(`could not tell ${args.userId} that ${crm} is connected`, error);
  }
}
