import type { Deal } from '../domain/deals.js';
import { type PlaybackStyle, renderMarkdown, renderPlayback } from '../domain/drafts/render-markdown.js';
import { type DraftVersion, versionAsResult } from '../domain/drafts/version.js';
import { trimEndOf } from '../domain/text/trim-end.js';
import type { Repositories } from '../storage/ports.js';

export type DraftExport =
  | { ok: true; deal: Deal; version: DraftVersion; markdown: string; filename: string; title: string }
  | { ok: false; problem: 'no_deal' | 'no_draft' | 'ambiguous_team'; message: string };

/** `shared-vision-acme-corp-v3.md`: ASCII, lower case, no path characters. */
export function exportFilename(deal: Pick<Deal, 'accountName'>, version: number): string {
  const slug = trimEndOf(
    deal.accountName
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, '-')
      .slice(0, 60),
    '-',
  );
  return `shared-vision-${slug || 'deal'}-v${version}.md`;
}

/** The customer-readable "Here's what we heard" Markdown of the deal's latest draft. */
export async function latestDraftExport(
  repos: Pick<Repositories, 'deals' | 'drafts' | 'entries' | 'stakeholders'>,
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
    markdown: await customerSafeMarkdown(repos, deal, version),
    filename: exportFilename(deal, version.version),
    title: `Here's what we heard: ${deal.accountName} (v${version.version})`,
  };
}

/**
 * The stored text, unless an entry it cites has since been marked internal-only or archived: then the version is
 * rendered again from its content, which leaves out anything citing such an entry.
 */
async function customerSafeMarkdown(
  repos: Pick<Repositories, 'entries' | 'stakeholders'>,
  deal: Deal,
  version: DraftVersion,
): Promise<string> {
  const entries = await repos.entries.listByDeal(deal.teamId, deal.id, { includeArchived: true });
  const hidden = new Set(entries.filter((e) => e.internalOnly || e.archived).map((e) => e.id));
  if (!version.citations.some((id) => hidden.has(id))) return version.renderedText;
  const stakeholders = await repos.stakeholders.listByDeal(deal.teamId, deal.id);
  return renderMarkdown({
    deal,
    version: version.version,
    draft: versionAsResult(version),
    entries,
    stakeholders,
  });
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

/**
 * The customer's copy of one version in a style (the Slack message of "Share with customer"), rendered from the
 * entries as they are now: anything citing an internal-only or archived entry is left out.
 */
export async function customerPlaybackLines(
  repos: Pick<Repositories, 'entries' | 'stakeholders'>,
  deal: Deal,
  version: DraftVersion,
  style: PlaybackStyle,
): Promise<string[]> {
  const [entries, stakeholders] = await Promise.all([
    repos.entries.listByDeal(deal.teamId, deal.id, { includeArchived: true }),
    repos.stakeholders.listByDeal(deal.teamId, deal.id),
  ]);
  return renderPlayback(
    { deal, version: version.version, draft: versionAsResult(version), entries, stakeholders },
    style,
  );
}
