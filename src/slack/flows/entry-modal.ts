import type { WebClient } from '@slack/web-api';
import type { Deal } from '../../domain/deals.js';
import type { Entry } from '../../domain/entries.js';
import type { AppDeps } from '../deps.js';
import { type EntryFormMetadata, type EntryFormPrefill, entryModal } from '../views/entry-form.js';

/** Opens the entry modal (log or edit) for a deal, with the deal's stakeholders to pick from. */
export async function openEntryModal(
  deps: Pick<AppDeps, 'repos'>,
  client: WebClient,
  args: {
    triggerId: string;
    deal: Deal;
    prefill: EntryFormPrefill;
    meta?: Omit<EntryFormMetadata, 'dealId'>;
    editing?: boolean;
  },
): Promise<void> {
  const stakeholders = await deps.repos.stakeholders.listByDeal(args.deal.teamId, args.deal.id);
  const view = entryModal({
    meta: { dealId: args.deal.id, channelId: args.deal.channelId, ...args.meta },
    prefill: args.prefill,
    stakeholders,
    accountName: args.deal.accountName,
    editing: args.editing ?? false,
  });
  await client.views.open({ trigger_id: args.triggerId, view });
}

/** The edit modal's prefill: every field as saved (typed and permalink sources shown so they can be changed). */
export function prefillFromEntry(entry: Entry): EntryFormPrefill {
  return {
    kind: entry.kind,
    chooseKind: true,
    statement: entry.statement,
    ...(entry.quote ? { quote: entry.quote } : {}),
    stakeholderId: entry.stakeholderId,
    ...(entry.source && entry.source.type !== 'meeting' ? { source: entry.source.ref } : {}),
    ...(entry.saidOn ? { saidOn: entry.saidOn } : {}),
    priority: entry.priority,
    status: entry.status,
    constraintCategory: entry.constraintCategory,
    severity: entry.severity,
    internalOnly: entry.internalOnly,
  };
}
