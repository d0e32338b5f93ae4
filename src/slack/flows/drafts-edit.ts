import type { WebClient } from '@slack/web-api';
import type { Deal } from '../../domain/deals.js';
import { checkCitations, describeProblem } from '../../domain/drafts/citations.js';
import type { DraftResult } from '../../domain/drafts/draft.js';
import { type EditSection, parseEditText } from '../../domain/drafts/edit-text.js';
import { listeningCheck } from '../../domain/drafts/listening-check.js';
import { renderMarkdown } from '../../domain/drafts/render-markdown.js';
import {
  type DraftVersion,
  DraftVersionConflictError,
  toNewDraftVersion,
} from '../../domain/drafts/version.js';
import { draftBlocks } from '../views/draft-blocks.js';
import { mentionUser } from '../views/mrkdwn.js';
import { draftParentFor } from './draft-parent-content.js';
import { type DraftFlowDeps, rewriteThread, updateParent } from './drafts.js';

export interface EditRequest {
  teamId: string;
  userId: string;
  draft: DraftVersion;
  deal: Deal;
  texts: Partial<Record<EditSection, string>>;
}

/**
 * Saves a hand-edited draft as the next version (provider "edited"): the text is parsed and checked like a
 * model's reply (citations against the deal's entries, verbatim quotes, no proposal in the customer's mouth),
 * rendered for the customer, and the thread messages are rewritten in place.
 */
export async function saveEditedDraft(
  deps: DraftFlowDeps,
  client: WebClient,
  req: EditRequest,
): Promise<DraftVersion> {
  const { teamId, deal, draft: source } = req;
  const [entries, stakeholders] = await Promise.all([
    deps.repos.entries.listByDeal(teamId, deal.id),
    deps.repos.stakeholders.listByDeal(teamId, deal.id),
  ]);
  const checked = checkCitations(
    parseEditText(req.texts),
    entries,
    stakeholders,
    listeningCheck(entries, stakeholders),
  );
  const result: DraftResult = {
    content: checked.content,
    unverified: checked.unverified,
    meta: {
      provider: source.provider === 'openai' ? 'openai' : 'offline',
      model: source.model,
      promptTokens: 0,
      completionTokens: 0,
      usageEstimated: false,
      latencyMs: 0,
      leftOut: 0,
      fallbackReason: null,
      citationProblems: checked.problems.map(describeProblem),
    },
  };

  let created: DraftVersion | null = null;
  for (let attempt = 0; !created; attempt++) {
    const number = ((await deps.repos.drafts.latest(teamId, deal.id))?.version ?? 0) + 1;
    const markdown = renderMarkdown({ deal, version: number, draft: result, entries, stakeholders });
    try {
      created = await deps.repos.drafts.create(
        toNewDraftVersion(
          { teamId, dealId: deal.id, createdBy: req.userId, version: number },
          result,
          markdown,
          'edited',
        ),
      );
    } catch (error) {
      if (!(error instanceof DraftVersionConflictError) || attempt >= 2) throw error;
    }
  }

  if (!source.channelId || !source.messageTs) return created;
  const messages = draftBlocks({
    version: created.version,
    draft: result,
    audience: 'channel',
    provenance: `Edited by ${mentionUser(req.userId)} from v${source.version} · every point cites its entries`,
  });
  const replyTs = await rewriteThread(client, source.channelId, source.messageTs, source.replyTs, messages);
  const posted =
    (await deps.repos.drafts.setMessage(teamId, created.id, {
      channelId: source.channelId,
      messageTs: source.messageTs,
      threadTs: source.threadTs ?? source.messageTs,
      replyTs,
    })) ?? created;
  await updateParent(client, source.channelId, source.messageTs, await draftParentFor(deps, posted));
  return posted;
}
