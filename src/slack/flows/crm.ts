import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { CrmGateway } from '../../crm/create.js';
import { crmRecordUrl } from '../../domain/crm/links.js';
import type { CrmLink } from '../../domain/crm/records.js';
import { CRM_LABELS, type CrmProvider } from '../../domain/crm/types.js';
import type { CrmServiceDeps } from '../../services/crm/link.js';
import { sendDraftToCrm } from '../../services/crm/send.js';
import type { AppDeps } from '../deps.js';
import { crmPanel, sendReportMessage } from '../views/crm.js';
import { replyPrivately } from './private-reply.js';

export type CrmDeps = AppDeps & { crm: CrmGateway };

export const hasCrm = (deps: AppDeps): deps is CrmDeps =>
  deps.crm !== undefined && deps.crm.providers.length > 0;

export const serviceDeps = (deps: CrmDeps): CrmServiceDeps => ({
  repos: deps.repos,
  crm: deps.crm,
  clock: deps.clock,
});

/** The record's page: the one the adapter read it from (the team's own org/portal), else the configured base. */
export const recordUrlOf = (deps: CrmDeps, link: CrmLink): string =>
  link.snapshot.recordUrl ?? crmRecordUrl(link, deps.crm.recordBase);

export function panelFor(deps: CrmDeps, link: CrmLink) {
  return crmPanel(link, recordUrlOf(deps, link));
}

/** A message only `user` sees in `channel` (the one private-reply helper: ephemeral, else a DM). */
export async function tellPrivately(
  deps: CrmDeps,
  client: WebClient,
  channel: string,
  user: string,
  message: { text: string; blocks?: KnownBlock[] },
): Promise<void> {
  await replyPrivately(
    deps,
    client,
    { channelId: channel, userId: user },
    { text: message.text, blocks: message.blocks ?? [] },
    'CRM',
  );
}

/** A Slack user's email from users.info (scope users:read.email), to find the same person in the CRM. */
export function slackEmails(deps: CrmDeps, client: WebClient): (userId: string) => Promise<string | null> {
  return async (userId) => {
    try {
      const { user } = await client.users.info({ user: userId });
      return user && !user.deleted && !user.is_bot ? (user.profile?.email ?? null) : null;
    } catch (error) {
      deps.logger.warn(`users.info failed for ${userId}; the CRM task goes to the record owner`, error);
      return null;
    }
  };
}

/** A connect-by-signing-in CRM this team has no tokens for: what to tell anyone who tries to use it. */
export function notConnectedText(provider: CrmProvider): string {
  const { crm, record } = CRM_LABELS[provider];
  return `${crm} is not connected to this workspace, so nothing was read from or sent to it. A linked ${record} keeps what was last read, read-only. A Slack workspace admin can connect ${crm} with \`/vision crm connect ${provider}\`.`;
}

/** Null when the team can use this CRM now; else the reason (a CRM connected by OAuth that has no tokens). */
export async function notConnectedReason(
  deps: CrmDeps,
  teamId: string,
  provider: CrmProvider,
): Promise<string | null> {
  const connect = deps.crm.connect;
  if (!connect?.providers.includes(provider)) return null;
  return (await connect.isConnected(teamId, provider)) ? null : notConnectedText(provider);
}

/** The reason the deal's linked CRM cannot be used now, if it is linked and its CRM is not connected. */
export async function linkedCrmNotConnected(deps: CrmDeps, teamId: string, dealId: number) {
  const link = await deps.repos.crm.getLink(teamId, dealId);
  return link ? notConnectedReason(deps, teamId, link.provider) : null;
}

/** "Send to CRM": runs after the ack and reports to the person who asked. */
export async function sendToCrmAndReport(
  deps: CrmDeps,
  client: WebClient,
  args: { teamId: string; dealId: number; channelId: string; userId: string; version?: number },
): Promise<void> {
  const notConnected = await linkedCrmNotConnected(deps, args.teamId, args.dealId);
  if (notConnected) {
    await tellPrivately(deps, client, args.channelId, args.userId, { text: notConnected });
    return;
  }
  const result = await sendDraftToCrm(serviceDeps(deps), { ...args, emailOf: slackEmails(deps, client) });
  await tellPrivately(
    deps,
    client,
    args.channelId,
    args.userId,
    result.ok ? sendReportMessage(result.report) : { text: result.message },
  );
}
