import type { Deal } from '../domain/deals.js';
import type { DraftResult } from '../domain/drafts/draft.js';
import type { DraftInput } from '../domain/drafts/input.js';
import { renderMarkdown } from '../domain/drafts/render-markdown.js';
import { type DraftVersion, DraftVersionConflictError, toNewDraftVersion } from '../domain/drafts/version.js';
import type { Entry } from '../domain/entries.js';
import type { Stakeholder } from '../domain/stakeholders.js';
import type { DraftVersionRepository } from '../storage/ports.js';

/** How many times a draft is re-numbered when another version of the deal was stored meanwhile. */
const NUMBERING_ATTEMPTS = 3;

/** What /vision draft and /vision export need; the Slack layer passes repositories and a provider in. */
export interface DraftVisionDeps {
  listEntries(teamId: string, dealId: number): Promise<Entry[]>;
  listStakeholders(teamId: string, dealId: number): Promise<Stakeholder[]>;
  drafts: DraftVersionRepository;
  /** A DraftProvider (src/llm createDraftProvider); with the offline fallback it never throws. */
  drafter: { draft(input: DraftInput, signal?: AbortSignal): Promise<DraftResult> };
}

export type DealRef = Pick<Deal, 'id' | 'teamId' | 'accountName' | 'dealName' | 'stage'>;

/** Drafts the next version of the deal's shared vision and stores it (content, rendered text, usage, citations). */
export async function draftVision(
  deps: DraftVisionDeps,
  deal: DealRef,
  userId: string,
  signal?: AbortSignal,
): Promise<{ version: DraftVersion; result: DraftResult }> {
  const [entries, stakeholders, latest] = await Promise.all([
    deps.listEntries(deal.teamId, deal.id),
    deps.listStakeholders(deal.teamId, deal.id),
    deps.drafts.latest(deal.teamId, deal.id),
  ]);
  let number = (latest?.version ?? 0) + 1;
  const input: DraftInput = { deal, entries, stakeholders, version: number };
  const result = await deps.drafter.draft(input, signal);
  for (let attempt = 1; ; attempt++) {
    const markdown = renderMarkdown({ deal, version: number, draft: result, entries, stakeholders });
    try {
      const version = await deps.drafts.create(
        toNewDraftVersion(
          { teamId: deal.teamId, dealId: deal.id, createdBy: userId, version: number },
          result,
          markdown,
        ),
      );
      return { version, result };
    } catch (error) {
      if (!(error instanceof DraftVersionConflictError) || attempt >= NUMBERING_ATTEMPTS) throw error;
      number = ((await deps.drafts.latest(deal.teamId, deal.id))?.version ?? number) + 1;
    }
  }
}

/** The customer-readable Markdown of the latest draft, or null when the deal has none. */
export async function exportLatestDraft(
  deps: Pick<DraftVisionDeps, 'drafts'>,
  deal: DealRef,
): Promise<string | null> {
  const latest = await deps.drafts.latest(deal.teamId, deal.id);
  return latest?.renderedText ?? null;
}
