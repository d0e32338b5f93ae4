import type { Deal } from '../../domain/deals.js';
import type { AppDeps } from '../deps.js';
import { type EntryListInput, entryListMessage } from '../views/list-blocks.js';
import type { ListPosition } from '../views/list-values.js';

/** Loads a deal's entries and stakeholders and builds one page of the `/vision list` message. */
export async function loadEntryList(
  deps: Pick<AppDeps, 'repos'>,
  deal: Deal,
  position: ListPosition,
  notice?: EntryListInput['notice'],
) {
  const [entries, stakeholders] = await Promise.all([
    deps.repos.entries.listByDeal(deal.teamId, deal.id),
    deps.repos.stakeholders.listByDeal(deal.teamId, deal.id),
  ]);
  return entryListMessage({
    accountName: deal.accountName,
    entries,
    stakeholders,
    position,
    ...(notice ? { notice } : {}),
  });
}
