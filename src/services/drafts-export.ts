import type { Deal } from '../domain/deals.js';
import type { DraftVersion } from '../domain/drafts/version.js';
import type { Repositories } from '../storage/ports.js';

export type DraftExport =
  | { ok: true; deal: Deal; version: DraftVersion; markdown: string; filename: string; title: string }
  | { ok: false; problem: 'no_deal' | 'no_draft' | 'ambiguous_team'; message: string };

/** `shared-vision-acme-corp-v3.md`: ASCII, lower case, no path characters. */
export function exportFilename(deal: Pick<Deal, 'accountName'>, version: number): string {
  const slug = deal.accountName
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `shared-vision-${slug || 'deal'}-v${version}.md`;
}

/** The customer-readable "Here's what we heard" Markdown of the deal's latest draft. */
export async function latestDraftExport(
  repos: Pick<Repositories, 'deals' | 'drafts'>,
  teamId: string,
  channelId: string,
): Promise<DraftExport> {
  const deal = await repos.deals.getByChannel(teamId, channelId);
  if (!deal || deal.archived) {
    return { ok: false, problem: 'no_deal', message: `No deal is linked to channel ${channelId}.` };
  }
  const version = await repos.drafts.latest(teamId, deal.id);
  if (!version) {
    return {
      ok: false,
      problem: 'no_draft',
      message: `${deal.accountName} has no shared vision draft yet: run /vision draft in its channel first.`,
    };
  }
  return {
    ok: true,
    deal,
    version,
    markdown: version.renderedText,
    filename: exportFilename(deal, version.version),
    title: `Here's what we heard: ${deal.accountName} (v${version.version})`,
  };
}

/** The team a channel's deal belongs to, when the caller did not say (the export CLI). */
export async function teamForChannel(
  repos: Pick<Repositories, 'deals'>,
  channelId: string,
): Promise<{ ok: true; teamId: string } | Extract<DraftExport, { ok: false }>> {
  const linked = await repos.deals.teamsForChannel(channelId);
  if (linked.length === 1) return { ok: true, teamId: linked[0]! };
  if (linked.length === 0) {
    return { ok: false, problem: 'no_deal', message: `No deal is linked to channel ${channelId}.` };
  }
  return {
    ok: false,
    problem: 'ambiguous_team',
    message: `Channel ${channelId} is linked to deals in several workspaces (${linked.join(', ')}): pass --team.`,
  };
}
