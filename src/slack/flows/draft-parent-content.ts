import type { CrmGateway } from '../../crm/create.js';
import type { DraftVersion } from '../../domain/drafts/version.js';
import type { Repositories } from '../../storage/ports.js';
import { draftParent, type SlackMessageContent } from '../views/draft-parent.js';

export interface DraftParentDeps {
  repos: Pick<Repositories, 'crm'>;
  crm?: CrmGateway | undefined;
}

/** Whether this version's deal is linked to a record in a CRM that is connected now. */
export async function crmLinkedFor(deps: DraftParentDeps, v: Pick<DraftVersion, 'teamId' | 'dealId'>) {
  if (!deps.crm || deps.crm.providers.length === 0) return false;
  const link = await deps.repos.crm.getLink(v.teamId, v.dealId);
  return link !== null && deps.crm.providers.includes(link.provider);
}

/** The draft parent message, with "Send to CRM" when the deal is linked. */
export async function draftParentFor(deps: DraftParentDeps, v: DraftVersion): Promise<SlackMessageContent> {
  return draftParent(v, { crmLinked: await crmLinkedFor(deps, v) });
}
