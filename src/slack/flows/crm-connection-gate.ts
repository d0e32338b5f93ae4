import type { WebClient } from '@slack/web-api';
import { CRM_LABELS, type CrmProvider, parseCrmProvider } from '../../domain/crm/types.js';
import type { CrmDeps } from './crm.js';
import { crmConnectionRefusal, workspaceAdminCheck } from './workspace-admin.js';

type Respond = (message: { response_type: 'ephemeral'; text: string }) => Promise<unknown>;
type Verb = 'connect' | 'disconnect';
export type CrmConnection = NonNullable<CrmDeps['crm']['connect']>;

const NOT_FROM_SLACK: Record<Verb, string> = {
  connect:
    'The CRMs here use a credential set by whoever runs the app (a JWT integration user or a HubSpot private-app token): there is nothing to connect from Slack.',
  disconnect:
    'The CRMs here use a credential set by whoever runs the app (a JWT integration user or a HubSpot private-app token): it is removed there, not from Slack.',
};

/**
 * `/vision crm connect|disconnect <crm>`: the CRM named, once this app connects it by signing in and Slack says the
 * user is a workspace admin; otherwise null after telling the user why, privately.
 */
export async function crmConnectionTarget(
  deps: CrmDeps,
  client: WebClient,
  args: { userId: string; providerWord: string | undefined; respond: Respond },
  verb: Verb,
): Promise<{ connect: CrmConnection; provider: CrmProvider } | null> {
  const say = (text: string) => args.respond({ response_type: 'ephemeral', text });
  const connect = deps.crm.connect;
  if (!connect) {
    await say(NOT_FROM_SLACK[verb]);
    return null;
  }
  const provider = parseCrmProvider(args.providerWord);
  if (!provider || !connect.providers.includes(provider)) {
    const choices = connect.providers.map((p) => `\`/vision crm ${verb} ${p}\``).join(' or ');
    await say(
      provider && verb === 'connect'
        ? `${CRM_LABELS[provider].crm} is not connected by signing in on this app. Use ${choices}.`
        : `Which CRM? Use ${choices}.`,
    );
    return null;
  }
  const check = await workspaceAdminCheck(deps, client, args.userId);
  if (check !== 'admin') {
    await say(crmConnectionRefusal(check, verb));
    return null;
  }
  return { connect, provider };
}
