import type { WebClient } from '@slack/web-api';
import type { Deal } from '../../domain/deals.js';
import type { Decision } from '../../domain/decisions.js';
import type { AppDeps } from '../deps.js';
import { type DecisionPrefill, decisionModal } from '../views/decisions-form.js';
import { decisionsListMessage } from '../views/decisions-list.js';
import { todayFor } from './user-time.js';

/** The `/vision decisions` message for a deal, as the user sees it today. */
export async function decisionListFor(
  deps: AppDeps,
  client: WebClient,
  deal: Deal,
  userId: string,
  notice?: string,
) {
  const [decisions, stakeholders, entries, today] = await Promise.all([
    deps.repos.decisions.listByDeal(deal.teamId, deal.id, 'open'),
    deps.repos.stakeholders.listByDeal(deal.teamId, deal.id),
    deps.repos.entries.listByDeal(deal.teamId, deal.id),
    todayFor(deps, client, deal.teamId, userId),
  ]);
  return decisionsListMessage({
    deal,
    decisions,
    stakeholders,
    entries,
    today,
    ...(notice ? { notice } : {}),
  });
}

/** Opens the decision modal: new (prefilled with the command text) or editing an existing decision. */
export async function openDecisionModal(
  deps: AppDeps,
  client: WebClient,
  args: {
    deal: Deal;
    triggerId: string;
    userId: string;
    title?: string;
    decision?: Decision;
    responseUrl?: string;
  },
): Promise<void> {
  const { deal, decision } = args;
  const [stakeholders, entries] = await Promise.all([
    deps.repos.stakeholders.listByDeal(deal.teamId, deal.id),
    deps.repos.entries.listByDeal(deal.teamId, deal.id),
  ]);
  const prefill: DecisionPrefill = decision
    ? {
        title: decision.title,
        customerOwnerId: decision.customerOwnerId,
        ourOwnerUserId: decision.ourOwnerUserId,
        dueDate: decision.dueDate,
        relatedEntryIds: decision.relatedEntryIds,
      }
    : { ourOwnerUserId: args.userId, ...(args.title ? { title: args.title } : {}) };
  await client.views.open({
    trigger_id: args.triggerId,
    view: decisionModal({
      meta: {
        dealId: deal.id,
        channelId: deal.channelId,
        ...(decision ? { decisionId: decision.id } : {}),
        ...(args.responseUrl ? { responseUrl: args.responseUrl } : {}),
      },
      prefill,
      stakeholders,
      entries,
      accountName: deal.accountName,
      editing: decision !== undefined,
    }),
  });
}

/**
 * A response_url carried through a modal's private_metadata is only used when it points at Slack's hooks host
 * or at the same origin as the Web API the app talks to (the local emulator), never anywhere a forger chose.
 */
export function trustedResponseUrl(url: string | undefined, client: WebClient): string | null {
  if (!url) return null;
  try {
    const target = new URL(url);
    if (target.protocol === 'https:' && target.hostname === 'hooks.slack.com') return url;
    const api = new URL(client.slackApiUrl);
    return target.origin === api.origin && api.origin !== 'https://slack.com' ? url : null;
  } catch {
    return null;
  }
}

/** Replaces the ephemeral decision list the user acted on, so it never shows stale state. */
export async function refreshDecisionList(
  deps: AppDeps,
  client: WebClient,
  responseUrl: string | undefined,
  deal: Deal,
  userId: string,
  notice: string,
): Promise<void> {
  const url = trustedResponseUrl(responseUrl, client);
  if (!url) return;
  try {
    const message = await decisionListFor(deps, client, deal, userId, notice);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ replace_original: true, response_type: 'ephemeral', ...message }),
    });
    if (!response.ok) deps.logger.warn(`refreshing the decision list failed: HTTP ${response.status}`);
  } catch (error) {
    deps.logger.warn('refreshing the decision list failed', error);
  }
}
