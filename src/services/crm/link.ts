import type { CrmGateway } from '../../crm/create.js';
import { CrmError } from '../../crm/ports.js';
import { type CrmRecordRef, parseCrmLink } from '../../domain/crm/links.js';
import type { CrmLink } from '../../domain/crm/records.js';
import { CRM_LABELS, type CrmDealSnapshot } from '../../domain/crm/types.js';
import type { Repositories } from '../../storage/ports.js';

export interface CrmServiceDeps {
  repos: Repositories;
  crm: CrmGateway;
  clock: () => Date;
}

export type LinkResult = { ok: true; link: CrmLink } | { ok: false; message: string };

/** `salesforce:006…` from the typeahead, or a pasted URL; anything else is refused, never guessed. */
export function parseCrmChoice(value: string, crm: CrmGateway): CrmRecordRef | { problem: string } {
  const picked = /^(salesforce|hubspot):([A-Za-z0-9]{1,20})$/.exec(value.trim());
  const ref: CrmRecordRef | null = picked
    ? { provider: picked[1] as CrmRecordRef['provider'], recordId: picked[2] ?? '' }
    : parseCrmLink(
        value,
        Object.values(crm.recordBase).flatMap((u) => (u && /^https?:/.test(u) ? [new URL(u).hostname] : [])),
      );
  if (!ref) return { problem: 'That is not a Salesforce opportunity or HubSpot deal link.' };
  if (!crm.providers.includes(ref.provider)) {
    return { problem: `${CRM_LABELS[ref.provider].crm} is not connected to this app.` };
  }
  return ref;
}

export function crmFailureText(error: unknown): string {
  if (error instanceof CrmError) return error.message;
  return 'The CRM could not be reached. Nothing was changed; please try again.';
}

/** The CRM owns stage: the local deal shows the CRM's stage from now on. */
async function applySnapshot(
  deps: CrmServiceDeps,
  teamId: string,
  dealId: number,
  snapshot: CrmDealSnapshot,
) {
  await deps.repos.deals.update(teamId, dealId, { stage: snapshot.stage.slice(0, 60) });
}

/** Reads the record and links the deal to it (replacing any earlier link). */
export async function linkDealToCrm(
  deps: CrmServiceDeps,
  args: { teamId: string; dealId: number; userId: string; ref: CrmRecordRef },
): Promise<LinkResult> {
  const adapter = deps.crm.adapter(args.teamId, args.ref.provider);
  if (!adapter) return { ok: false, message: `${CRM_LABELS[args.ref.provider].crm} is not connected.` };
  let snapshot: CrmDealSnapshot;
  try {
    snapshot = await adapter.getDeal(args.ref.recordId);
  } catch (error) {
    return { ok: false, message: crmFailureText(error) };
  }
  const link = await deps.repos.crm.saveLink({
    teamId: args.teamId,
    dealId: args.dealId,
    provider: args.ref.provider,
    recordId: snapshot.recordId,
    snapshot,
    linkedBy: args.userId,
    refreshedAt: deps.clock(),
  });
  await applySnapshot(deps, args.teamId, args.dealId, snapshot);
  return { ok: true, link };
}

/** Re-reads the linked record (on demand and before each weekly run). */
export async function refreshCrmLink(
  deps: CrmServiceDeps,
  teamId: string,
  dealId: number,
): Promise<LinkResult> {
  const link = await deps.repos.crm.getLink(teamId, dealId);
  if (!link)
    return { ok: false, message: 'This deal is not linked to a CRM record. Use `/vision setup` to link it.' };
  const adapter = deps.crm.adapter(teamId, link.provider);
  if (!adapter) return { ok: false, message: `${CRM_LABELS[link.provider].crm} is not connected any more.` };
  try {
    const snapshot = await adapter.getDeal(link.recordId);
    const at = deps.clock();
    await deps.repos.crm.saveSnapshot(teamId, dealId, snapshot, at);
    await applySnapshot(deps, teamId, dealId, snapshot);
    return { ok: true, link: { ...link, snapshot, refreshedAt: at } };
  } catch (error) {
    return { ok: false, message: crmFailureText(error) };
  }
}

/** Refreshes every linked, live deal of a team; failures are reported, never thrown. */
export async function refreshTeamCrmLinks(
  deps: CrmServiceDeps,
  teamId: string,
): Promise<{ refreshed: number; failed: number; notConnected: number }> {
  const deals = await deps.repos.deals.list(teamId);
  let refreshed = 0;
  let failed = 0;
  let notConnected = 0;
  const connected = new Map<string, boolean>();
  for (const deal of deals.filter((d) => !d.archived)) {
    const link = await deps.repos.crm.getLink(teamId, deal.id);
    if (!link) continue;
    // A CRM an admin disconnected: its links keep their last snapshot and are not read.
    const connect = deps.crm.connect;
    if (connect?.providers.includes(link.provider)) {
      const known = connected.get(link.provider) ?? (await connect.isConnected(teamId, link.provider));
      connected.set(link.provider, known);
      if (!known) {
        notConnected++;
        continue;
      }
    }
    const result = await refreshCrmLink(deps, teamId, deal.id);
    if (result.ok) refreshed++;
    else failed++;
  }
  return { refreshed, failed, notConnected };
}

/** What the composition root adds to the app's deps when a CRM is configured. */
export function crmAppDeps(
  crm: CrmGateway,
  deps: { repos: Repositories; clock: () => Date; logger: { warn(...args: unknown[]): void } },
) {
  return {
    crm,
    /** Before each weekly run: re-read every linked record so nudges use the CRM's stage. */
    async refreshCrmBeforeRun(teamId: string): Promise<void> {
      const { failed } = await refreshTeamCrmLinks({ repos: deps.repos, crm, clock: deps.clock }, teamId);
      if (failed > 0)
        deps.logger.warn(`CRM refresh before the weekly run: ${failed} deal(s) could not be read`);
    },
  };
}
