import type { CrmAdapter } from '../../crm/ports.js';
import { CrmError } from '../../crm/ports.js';
import type { CrmLink } from '../../domain/crm/records.js';
import { CRM_LABELS } from '../../domain/crm/types.js';

/** A Slack user's email (users.info, scope users:read.email); null when Slack gives none. */
export type EmailLookup = (slackUserId: string) => Promise<string | null>;

export interface TaskOwner {
  /** The CRM user the task is assigned to; null leaves the CRM's default (the connected user). */
  ownerId: string | null;
  /** Why it is not the decision owner's own CRM user, for the audit log and the send report. */
  note: string | null;
}

/**
 * Who owns each decision's CRM task: the CRM user with the same email as the decision's owner in Slack
 * (Salesforce User.Email, HubSpot owner email), else the record's owner, with a note saying why.
 * One lookup per person per send.
 */
export function taskOwnerResolver(
  adapter: CrmAdapter,
  link: CrmLink,
  emailOf: EmailLookup | undefined,
): (slackUserId: string | null) => Promise<TaskOwner> {
  const crm = CRM_LABELS[link.provider].crm;
  const dealOwner = link.snapshot.ownerId;
  const fallback = (why: string): TaskOwner => ({
    ownerId: dealOwner,
    note: dealOwner
      ? `Assigned to the ${CRM_LABELS[link.provider].record} owner${link.snapshot.ownerName ? ` (${link.snapshot.ownerName})` : ''}: ${why}.`
      : `Left unassigned: ${why}, and the ${CRM_LABELS[link.provider].record} has no owner.`,
  });
  const cache = new Map<string, Promise<TaskOwner>>();

  async function resolve(slackUserId: string): Promise<TaskOwner> {
    if (!emailOf) return fallback(`${crm} users cannot be matched without Slack emails`);
    const email = await emailOf(slackUserId).catch(() => null);
    if (!email) return fallback(`Slack gives no email for the decision's owner (${slackUserId})`);
    try {
      const user = await adapter.findUserByEmail(email);
      return user
        ? { ownerId: user.id, note: null }
        : fallback(`no single active ${crm} user has the decision owner's email (${email})`);
    } catch (error) {
      const said = error instanceof CrmError ? error.message : 'the CRM did not answer';
      return fallback(`${crm} users could not be looked up (${said})`);
    }
  }

  return async (slackUserId) => {
    if (!slackUserId) return fallback('the decision has no owner on our side');
    let found = cache.get(slackUserId);
    if (!found) {
      found = resolve(slackUserId);
      cache.set(slackUserId, found);
    }
    return found;
  };
}
