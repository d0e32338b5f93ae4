import type { WebClient } from '@slack/web-api';
import type { Deal } from '../../domain/deals.js';
import { type DraftVersion, factCitations } from '../../domain/drafts/version.js';
import type { Entry } from '../../domain/entries.js';
import { playbackNote } from '../views/draft-parent.js';
import { escapeMrkdwn, mentionUser } from '../views/mrkdwn.js';
import { draftParentFor } from './draft-parent-content.js';
import type { DraftFlowDeps } from './drafts.js';
import { updateParent } from './drafts.js';

export interface PlaybackContext {
  teamId: string;
  userId: string;
  draft: DraftVersion;
  deal: Deal;
}

const refs = (ids: readonly number[]) => ids.map((id) => `#${id}`).join(', ');

/** The live customer entries the customer saw as statements in this version (what a playback is about). */
export async function playedBackEntries(
  deps: Pick<DraftFlowDeps, 'repos'>,
  ctx: Pick<PlaybackContext, 'teamId' | 'draft' | 'deal'>,
): Promise<Entry[]> {
  const cited = new Set(factCitations(ctx.draft.content));
  const entries = await deps.repos.entries.listByDeal(ctx.teamId, ctx.deal.id);
  return entries.filter((e) => cited.has(e.id) && e.kind !== 'proposal');
}

async function afterStatus(
  deps: DraftFlowDeps,
  client: WebClient,
  updated: DraftVersion,
  note: string | null,
): Promise<void> {
  if (!updated.channelId || !updated.messageTs) return;
  await updateParent(client, updated.channelId, updated.messageTs, await draftParentFor(deps, updated));
  if (note) {
    await client.chat.postMessage({
      channel: updated.channelId,
      thread_ts: updated.messageTs,
      ...playbackNote(note),
    });
  }
}

export async function markShared(deps: DraftFlowDeps, client: WebClient, ctx: PlaybackContext) {
  const updated = await deps.repos.drafts.setStatus(ctx.teamId, ctx.draft.id, 'shared', {
    changedBy: ctx.userId,
    at: deps.clock(),
  });
  if (updated) await afterStatus(deps, client, updated, null);
  return updated;
}

/** The customer confirmed the playback: every entry they saw as a statement becomes "confirmed by customer". */
export async function markConfirmed(deps: DraftFlowDeps, client: WebClient, ctx: PlaybackContext) {
  const entries = await playedBackEntries(deps, ctx);
  const changed: number[] = [];
  for (const entry of entries) {
    if (entry.status === 'confirmed') continue;
    const updated = await deps.repos.entries.update(
      ctx.teamId,
      entry.id,
      { status: 'confirmed' },
      ctx.userId,
    );
    if (updated) changed.push(entry.id);
  }
  const updated = await deps.repos.drafts.setStatus(ctx.teamId, ctx.draft.id, 'confirmed', {
    changedBy: ctx.userId,
    at: deps.clock(),
  });
  if (updated) {
    const what = changed.length
      ? `${changed.length} ${changed.length === 1 ? 'entry' : 'entries'} marked confirmed (${refs(changed)})`
      : 'its entries were already confirmed';
    await afterStatus(
      deps,
      client,
      updated,
      `:white_check_mark: The customer confirmed draft v${updated.version} (recorded by ${mentionUser(ctx.userId)}): ${what}.`,
    );
  }
  return { draft: updated, confirmedEntryIds: changed };
}

export interface Correction {
  note: string;
  entryIds: number[];
  /** New wording for the one entry picked, if given. */
  statement: string | null;
}

/**
 * The customer corrected the playback: the picked entries become "corrected by customer" (and the one picked
 * entry gets the new wording when given), each change recorded in the entry's history; the draft is marked
 * corrected with the note. Only entries of this version's statements can be picked.
 */
export async function markCorrected(
  deps: DraftFlowDeps,
  client: WebClient,
  ctx: PlaybackContext,
  correction: Correction,
) {
  const allowed = new Map((await playedBackEntries(deps, ctx)).map((e) => [e.id, e]));
  const picked = [...new Set(correction.entryIds)].filter((id) => allowed.has(id));
  const changed: number[] = [];
  for (const id of picked) {
    const patch =
      correction.statement && picked.length === 1
        ? { status: 'corrected' as const, statement: correction.statement }
        : { status: 'corrected' as const };
    if (await deps.repos.entries.update(ctx.teamId, id, patch, ctx.userId)) changed.push(id);
  }
  const updated = await deps.repos.drafts.setStatus(ctx.teamId, ctx.draft.id, 'corrected', {
    changedBy: ctx.userId,
    at: deps.clock(),
    note: correction.note,
  });
  if (updated) {
    const entries = changed.length
      ? ` Entries updated: ${refs(changed)}. Regenerate to draft from the corrected entries.`
      : '';
    await afterStatus(
      deps,
      client,
      updated,
      `:pencil2: The customer corrected draft v${updated.version} (recorded by ${mentionUser(ctx.userId)}): ${escapeMrkdwn(correction.note)}${entries}`,
    );
  }
  return { draft: updated, correctedEntryIds: changed };
}
