import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import type { EditSection } from '../../../domain/drafts/edit-text.js';
import { type DraftAccess, REFUSED, verifyDraftAccess } from '../../../services/drafts-access.js';
import type { AppDeps } from '../../deps.js';
import { saveEditedDraft } from '../../flows/drafts-edit.js';
import { markCorrected } from '../../flows/drafts-playback.js';
import { sharePreview, shareWithCustomer } from '../../flows/share-with-customer.js';
import { editSectionOf } from '../../views/draft-modals.js';
import { DRAFT_CORRECTED_FORM, DRAFT_VIEWS } from '../../views/ids.js';
import { type FieldErrors, ViewState, viewStateSchema } from '../../views/view-state.js';
import { saveOrSayWhy } from './save-or-say-why.js';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const metadataSchema = z.object({
  draftId: z.number().int().positive(),
  channelId: z.string().regex(/^[CGD][A-Z0-9]+$/),
  messageTs: z.string().regex(/^\d+\.\d+$/),
});

function readMetadata(body: ViewArgs['body']): unknown {
  try {
    return JSON.parse(body.view.private_metadata || 'null');
  } catch {
    return null;
  }
}

async function verifyModal(deps: AppDeps, body: ViewArgs['body']): Promise<DraftAccess> {
  const meta = metadataSchema.safeParse(readMetadata(body));
  if (!meta.success) return { ok: false, reason: 'malformed private_metadata' };
  return verifyDraftAccess(deps.repos, {
    teamId: body.team?.id ?? body.view.team_id,
    channelId: meta.data.channelId,
    messageTs: meta.data.messageTs,
    draftId: meta.data.draftId,
  });
}

const firstBlockId = (body: ViewArgs['body']) => {
  const first = body.view.blocks.find((b) => b.type === 'input');
  return first?.block_id ?? 'draft';
};

/** Tells the submitter privately, in the deal channel, that the saved work failed after the modal closed. */
async function tellFailure(args: ViewArgs, channelId: string, text: string): Promise<void> {
  await args.client.chat
    .postEphemeral({ channel: channelId, user: args.body.user.id, text })
    .catch(() => undefined);
}

/** Edit modal: each section's text, re-checked like a model reply and saved as a new "edited" version. */
function editSubmit(deps: AppDeps) {
  return async (args: ViewArgs): Promise<void> => {
    const { ack, body, client } = args;
    const access = await verifyModal(deps, body);
    if (!access.ok) {
      deps.logger.warn(`draft edit: refused (${access.reason})`);
      await ack({ response_action: 'errors', errors: { [firstBlockId(body)]: REFUSED } });
      return;
    }
    const values = viewStateSchema.safeParse(body.view.state.values);
    const texts: Partial<Record<EditSection, string>> = {};
    for (const [blockId, block] of Object.entries(values.success ? values.data : {})) {
      const section = editSectionOf(blockId);
      const value = Object.values(block)[0]?.value;
      if (!section || typeof value !== 'string') continue;
      texts[section] = texts[section] ? `${texts[section]}\n${value}` : value;
    }
    const claimed = await deps.repos.idempotency.claim(access.deal.teamId, `draft-edit:${body.view.id}`);
    await ack();
    if (!claimed) return;
    try {
      await saveEditedDraft(deps, client, {
        teamId: access.deal.teamId,
        userId: body.user.id,
        draft: access.draft,
        deal: access.deal,
        texts,
      });
    } catch (error) {
      deps.logger.error('draft edit: saving failed', error);
      await deps.repos.idempotency.release(access.deal.teamId, `draft-edit:${body.view.id}`);
      await tellFailure(
        args,
        access.deal.channelId,
        'Sorry, your edit could not be saved. Please try again.',
      );
    }
  };
}

/** Corrected modal: what the customer corrected goes back to the picked entries (history kept). */
function correctedSubmit(deps: AppDeps) {
  return async (args: ViewArgs): Promise<void> => {
    const { ack, body, client } = args;
    const access = await verifyModal(deps, body);
    if (!access.ok) {
      deps.logger.warn(`draft corrected: refused (${access.reason})`);
      await ack({ response_action: 'errors', errors: { [DRAFT_CORRECTED_FORM.note]: REFUSED } });
      return;
    }
    const state = ViewState.parse(body.view.state.values);
    const note = state.text(DRAFT_CORRECTED_FORM.note);
    const statement = state.text(DRAFT_CORRECTED_FORM.statement);
    const entryIds = state
      .selectedMany(DRAFT_CORRECTED_FORM.entries)
      .map(Number)
      .filter((id) => Number.isInteger(id) && id > 0);
    const errors: FieldErrors = {};
    if (!note) errors[DRAFT_CORRECTED_FORM.note] = 'Say what the customer corrected, in a sentence.';
    if (statement && entryIds.length !== 1) {
      errors[DRAFT_CORRECTED_FORM.statement] = 'New wording applies to one entry: pick exactly one above.';
    }
    if (Object.keys(errors).length > 0 || !note) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    const key = `draft-corrected:${body.view.id}`;
    const claimed = await deps.repos.idempotency.claim(access.deal.teamId, key);
    await ack();
    if (!claimed) return;
    try {
      await markCorrected(
        deps,
        client,
        { teamId: access.deal.teamId, userId: body.user.id, draft: access.draft, deal: access.deal },
        { note, entryIds, statement },
      );
    } catch (error) {
      deps.logger.error('draft corrected: saving failed', error);
      await deps.repos.idempotency.release(access.deal.teamId, key);
      await tellFailure(
        args,
        access.deal.channelId,
        'Sorry, the correction could not be recorded. Please try again.',
      );
    }
  };
}

const fingerprintSchema = z.object({ fingerprint: z.string().regex(/^[0-9a-f]{64}$/) });

/**
 * Share of the "Share with customer" preview: posts in the deal channel exactly the blocks previewed (checked by
 * fingerprint, so an entry marked internal meanwhile never slips out: the preview is shown again instead).
 */
function shareSubmit(deps: AppDeps) {
  return async (args: ViewArgs): Promise<void> => {
    const { ack, body, client } = args;
    const access = await verifyModal(deps, body);
    const previewed = fingerprintSchema.safeParse(readMetadata(body));
    if (!access.ok || !previewed.success) {
      deps.logger.warn(`draft share: refused (${access.ok ? 'no fingerprint' : access.reason})`);
      await ack({ response_action: 'update', view: refusedView() });
      return;
    }
    const ctx = { teamId: access.deal.teamId, userId: body.user.id, draft: access.draft, deal: access.deal };
    const key = `draft-share:${body.view.id}`;
    if (!(await deps.repos.idempotency.claim(ctx.teamId, key))) {
      await ack();
      return;
    }
    let outcome: Awaited<ReturnType<typeof shareWithCustomer>>;
    try {
      outcome = await shareWithCustomer(deps, client, ctx, previewed.data.fingerprint);
    } catch (error) {
      await deps.repos.idempotency.release(ctx.teamId, key);
      throw error;
    }
    if (outcome.status === 'posted') {
      await ack();
      return;
    }
    await deps.repos.idempotency.release(ctx.teamId, key);
    const view =
      outcome.status === 'changed'
        ? outcome.view
        : await sharePreview(
            deps,
            ctx,
            'I am not in the deal channel, so nothing was shared. Invite me there (/invite @Vision), then press Share again.',
          );
    await ack({ response_action: 'update', view });
  };
}

function refusedView() {
  return {
    type: 'modal' as const,
    title: { type: 'plain_text' as const, text: 'Share with customer' },
    close: { type: 'plain_text' as const, text: 'Close' },
    blocks: [{ type: 'section' as const, text: { type: 'plain_text' as const, text: REFUSED } }],
  };
}

export function registerDraftViews(app: App, deps: AppDeps): void {
  app.view(DRAFT_VIEWS.share, saveOrSayWhy(deps, shareSubmit(deps)));
  app.view(DRAFT_VIEWS.edit, saveOrSayWhy(deps, editSubmit(deps)));
  app.view(DRAFT_VIEWS.corrected, saveOrSayWhy(deps, correctedSubmit(deps)));
}
