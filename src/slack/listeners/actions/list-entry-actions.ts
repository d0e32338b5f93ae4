import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Deal } from '../../../domain/deals.js';
import type { Entry } from '../../../domain/entries.js';
import {
  type CaptureContext,
  entryOfDeal,
  markEntryConfirmed,
  setEntryArchived,
} from '../../../services/capture.js';
import type { AppDeps } from '../../deps.js';
import { openEntryModal, prefillFromEntry } from '../../flows/entry-modal.js';
import { loadEntryList } from '../../flows/list-load.js';
import { activeDealForChannel } from '../../guards/deal.js';
import { ENTRY_LIST } from '../../views/ids.js';
import { type ListAction, type ListOp, parseListActionValue } from '../../views/list-values.js';
import { escapeMrkdwn, truncate } from '../../views/mrkdwn.js';
import { notLinkedMessage } from '../../views/not-linked.js';

type Args = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** Which operations each element of the list may carry (a forged value cannot turn "More" into "Archive"). */
const ALLOWED: Record<string, readonly ListOp[]> = {
  [ENTRY_LIST.overflow]: ['edit', 'confirm', 'archive'],
  [ENTRY_LIST.undoArchive]: ['undo'],
  [ENTRY_LIST.page]: ['page'],
  [ENTRY_LIST.pageBack]: ['page'],
};

const REFUSED = "That entry is not part of this channel's deal, so nothing was changed.";

function actionValue(action: Args['action']): string | undefined {
  if (action.type === 'overflow') return action.selected_option.value;
  if (action.type === 'button') return action.value;
  return undefined;
}

const label = (entry: Entry) => `“${escapeMrkdwn(truncate(entry.statement, 80))}”`;

/**
 * Overflow (Edit / Mark confirmed / Archive), Undo and paging on the `/vision list` message. Every action
 * re-checks server-side that the entry belongs to the clicking user's team and to this channel's deal, then
 * replaces the ephemeral list through the action's response_url.
 */
export function listEntryActionHandler(deps: AppDeps) {
  return async ({ ack, body, action, respond, client }: Args): Promise<void> => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id;
    const channelId = body.channel?.id ?? body.container?.channel_id;
    const parsed = parseListActionValue(actionValue(action));
    if (!parsed || !teamId || !channelId || !ALLOWED[action.action_id]?.includes(parsed.op)) {
      deps.logger.warn(`list action refused: malformed value from ${body.user.id}`);
      await respond({ response_type: 'ephemeral', replace_original: false, text: REFUSED });
      return;
    }
    const deal = await activeDealForChannel(deps, teamId, channelId);
    if (!deal) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...notLinkedMessage() });
      return;
    }
    const ctx: CaptureContext = { repos: deps.repos, teamId, dealId: deal.id, userId: body.user.id };
    if (parsed.op === 'edit') {
      const entry = await entryOfDeal(ctx, parsed.entryId);
      if (!entry) return refuse();
      await openEntryModal(deps, client, {
        triggerId: body.trigger_id,
        deal,
        prefill: prefillFromEntry(entry),
        meta: { entryId: entry.id },
        editing: true,
      });
      return;
    }
    const notice = parsed.op === 'page' ? undefined : await apply(ctx, parsed);
    if (notice === null) return refuse();
    await showList(deal, parsed, notice);

    async function refuse() {
      deps.logger.warn(`list action refused: entry ${parsed?.entryId} is not in deal ${deal?.id}`);
      await respond({ response_type: 'ephemeral', replace_original: false, text: REFUSED });
    }

    async function showList(
      listDeal: Deal,
      position: ListAction,
      shown?: { text: string; undoEntryId?: number },
    ) {
      const message = await loadEntryList(
        deps,
        listDeal,
        { kind: position.kind, page: position.page },
        shown,
      );
      await respond({ response_type: 'ephemeral', replace_original: true, ...message });
    }
  };
}

/** Applies confirm / archive / undo; null when the entry is not this team's and deal's (nothing changed). */
async function apply(
  ctx: CaptureContext,
  action: ListAction,
): Promise<{ text: string; undoEntryId?: number } | null> {
  if (action.op === 'confirm') {
    const entry = await markEntryConfirmed(ctx, action.entryId);
    return entry ? { text: `Marked confirmed by the customer: ${label(entry)}` } : null;
  }
  if (action.op === 'archive') {
    const entry = await setEntryArchived(ctx, action.entryId, true);
    return entry ? { text: `Archived ${label(entry)}.`, undoEntryId: entry.id } : null;
  }
  if (action.op === 'undo') {
    const entry = await setEntryArchived(ctx, action.entryId, false);
    return entry ? { text: `Restored ${label(entry)}.` } : null;
  }
  return null;
}
