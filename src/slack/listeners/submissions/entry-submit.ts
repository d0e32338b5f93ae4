import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Deal } from '../../../domain/deals.js';
import type { Entry, EntrySource } from '../../../domain/entries.js';
import { createEntry, updateEntry } from '../../../services/capture.js';
import type { AppDeps } from '../../deps.js';
import { replyPrivately } from '../../flows/private-reply.js';
import { activeDealForPayload } from '../../guards/deal.js';
import { userMayActOnDeal } from '../../guards/deal-access.js';
import { entrySavedMessage } from '../../views/entry-confirmation.js';
import { parseEntryForm, parseEntryFormMetadata } from '../../views/entry-form-parse.js';
import { ENTRY_FORM as F, VIEW_IDS } from '../../views/ids.js';
import { ViewState } from '../../views/view-state.js';
import { entrySaidOnError } from './entry-said-on.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const NOT_YOURS =
  'This form does not match a deal of your workspace any more. Close it and start again from the deal channel.';
const SAVE_FAILED = 'Saving failed on our side and nothing was saved. Please press Save again.';
/** A form-wide problem, shown under the one input every entry modal has. */
const formError = (message: string) => ({ [F.statement]: message });

/**
 * Submit of the log and edit entry modals. Everything that can refuse the input happens before the ack, so
 * errors show inline and nothing is half-saved; the modal's view id makes a retried or double submit save once.
 */
export function entrySubmitHandler(deps: AppDeps) {
  return async ({ ack, body, view, client }: Args): Promise<void> => {
    const teamId = body.team?.id ?? body.user.team_id;
    const userId = body.user.id;
    const editing = view.callback_id === VIEW_IDS.editEntry;
    const meta = parseEntryFormMetadata(view.private_metadata);
    // Ownership is re-checked from the (untrusted) metadata: the deal must be one of the submitter's team.
    const found = meta && teamId ? await activeDealForPayload(deps, teamId, meta.dealId) : null;
    // A deal of another channel (maybe private) only for its owner or a member of that channel.
    const deal = found && (await userMayActOnDeal(client, found, userId)) ? found : null;
    if (!meta || !teamId || !deal || (editing && !meta.entryId)) {
      deps.logger.warn(`entry submit refused: deal ${meta?.dealId ?? '?'} is not team ${teamId}'s`);
      await ack({ response_action: 'errors', errors: formError(NOT_YOURS) });
      return;
    }
    const form = parseEntryForm(ViewState.parse(view.state.values), meta.kind);
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: form.errors });
      return;
    }
    const dateError = await entrySaidOnError(client, deps.logger, userId, form.input.saidOn, deps.clock());
    if (dateError) {
      await ack({ response_action: 'errors', errors: { [F.saidOn]: dateError } });
      return;
    }
    const ctx = { repos: deps.repos, teamId, dealId: deal.id, userId };
    const knownSource: EntrySource | null =
      meta.sourceType && meta.sourceRef ? { type: meta.sourceType, ref: meta.sourceRef } : null;
    let entry: Entry;
    try {
      if (editing) {
        const updated = await updateEntry(ctx, meta.entryId!, form.input);
        if (!updated) {
          await ack({ response_action: 'errors', errors: formError(NOT_YOURS) });
          return;
        }
        entry = updated;
      } else {
        const result = await createEntry(ctx, form.input, { knownSource, idempotencyKey: `view:${view.id}` });
        if (result.status === 'duplicate') {
          await ack();
          return;
        }
        entry = result.entry;
      }
    } catch (error) {
      deps.logger.error('saving an entry failed', error);
      await ack({ response_action: 'errors', errors: formError(SAVE_FAILED) });
      return;
    }
    await ack();
    await confirmQuietly(deps, client, deal, userId, entry, editing);
  };
}

/** Ephemeral in the deal channel (keeps the channel clean); a DM if the channel refuses it. */
async function confirmQuietly(
  deps: AppDeps,
  client: WebClient,
  deal: Deal,
  userId: string,
  entry: Entry,
  edited: boolean,
): Promise<void> {
  const person = entry.stakeholderId
    ? await deps.repos.stakeholders.getById(deal.teamId, entry.stakeholderId)
    : null;
  const message = entrySavedMessage({
    entry,
    accountName: deal.accountName,
    stakeholderName: person?.name ?? null,
    edited,
  });
  await replyPrivately(deps, client, { channelId: deal.channelId, userId }, message, 'entry confirmation');
}
