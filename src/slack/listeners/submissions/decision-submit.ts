import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { decisionInputSchema, dueDateProblem } from '../../../domain/decision-input.js';
import { ownDeal } from '../../../services/deals.js';
import { createDecision, editDecision } from '../../../services/decisions.js';
import type { AppDeps } from '../../deps.js';
import { refreshDecisionList } from '../../flows/decision-support.js';
import { publishHomes } from '../../flows/home-publish.js';
import { todayFor } from '../../flows/user-time.js';
import { userMayActOnDeal } from '../../guards/deal-access.js';
import { decisionLoggedMessage } from '../../views/decisions-list.js';
import { issuesToFieldErrors } from '../../views/entry-form-parse.js';
import { DECISION_FORM as F } from '../../views/ids.js';
import { ViewState } from '../../views/view-state.js';
import { postDealNote } from './setup-confirm.js';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const metadataSchema = z.object({
  dealId: z.number().int().positive(),
  channelId: z.string().regex(/^[CG][A-Z0-9]+$/),
  decisionId: z.number().int().positive().optional(),
  responseUrl: z.string().optional(),
});

const FIELD_TO_BLOCK: Record<string, string> = {
  title: F.title,
  customerOwnerId: F.customerOwnerExisting,
  customerOwnerName: F.customerOwnerName,
  ourOwnerUserId: F.ourOwner,
  dueDate: F.dueDate,
  relatedEntryIds: F.relatedEntries,
};

export function parseJsonMetadata<T>(schema: z.ZodType<T>, raw: string): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const stale = (message = 'This form is out of date. Close it and try again.') => ({
  response_action: 'errors' as const,
  errors: { [F.title]: message },
});

/** Submit of the decision modal (new or edit): inline validation, due date not in the user's past, saved once. */
export function decisionSubmit(deps: AppDeps) {
  return async ({ ack, body, view, client }: ViewArgs): Promise<void> => {
    const teamId = body.team?.id ?? body.user.team_id ?? view.team_id;
    const meta = parseJsonMetadata(metadataSchema, view.private_metadata);
    const deal = teamId && meta ? await ownDeal(deps.repos, teamId, meta.dealId) : null;
    if (!teamId || !meta || !deal || deal.channelId !== meta.channelId) {
      await ack(stale());
      return;
    }
    if (!(await userMayActOnDeal(client, deal, body.user.id))) {
      deps.logger.warn(`decision submit refused: ${body.user.id} is not in the channel of deal ${deal.id}`);
      await ack(stale());
      return;
    }
    const state = ViewState.parse(view.state.values);
    const existingOwner = state.selected(F.customerOwnerExisting);
    const parsed = decisionInputSchema.safeParse({
      title: state.text(F.title) ?? '',
      customerOwnerId: existingOwner ? Number(existingOwner) : null,
      customerOwnerName: state.text(F.customerOwnerName),
      ourOwnerUserId: state.user(F.ourOwner),
      dueDate: state.date(F.dueDate),
      relatedEntryIds: state.selectedMany(F.relatedEntries).map(Number),
    });
    if (!parsed.success) {
      await ack({
        response_action: 'errors',
        errors: issuesToFieldErrors(parsed.error.issues, FIELD_TO_BLOCK, F.title),
      });
      return;
    }
    const previous = meta.decisionId ? await deps.repos.decisions.getById(teamId, meta.decisionId) : null;
    const today = await todayFor(deps, client, teamId, body.user.id);
    const dateProblem = dueDateProblem(parsed.data.dueDate, today, previous?.dueDate);
    if (dateProblem) {
      await ack({ response_action: 'errors', errors: { [F.dueDate]: dateProblem } });
      return;
    }
    const ctx = { repos: deps.repos, teamId, deal, userId: body.user.id };
    let created = null;
    try {
      if (meta.decisionId) {
        const edited = await editDecision(ctx, meta.decisionId, parsed.data);
        if (!edited) {
          await ack(stale('That decision is not part of this deal any more.'));
          return;
        }
      } else {
        const result = await createDecision(ctx, parsed.data, `decision:${view.id}`);
        if (result.status === 'duplicate') {
          await ack();
          return;
        }
        created = result.decision;
      }
    } catch (error) {
      deps.logger.error('saving a decision failed', error);
      await ack(stale('Saving failed on our side and nothing was saved. Please press Save again.'));
      return;
    }
    await ack();
    if (created) {
      await postDealNote(
        deps,
        client,
        deal,
        body.user.id,
        decisionLoggedMessage(created, body.user.id),
        'decision logged',
      );
    }
    const notice = created ? 'Decision logged.' : `Updated: ${parsed.data.title.replace(/[<>&]/g, '')}`;
    await refreshDecisionList(deps, client, meta.responseUrl, deal, body.user.id, notice);
    await publishHomes(deps, client, teamId, [deal.ownerUserId, body.user.id]);
  };
}
