import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { decisionOutcomeSchema } from '../../../domain/decision-input.js';
import { decisionInChannel, markDecided } from '../../../services/decisions.js';
import type { AppDeps } from '../../deps.js';
import { refreshDecisionList } from '../../flows/decision-support.js';
import { publishHomes } from '../../flows/home-publish.js';
import { userMayActOnDeal } from '../../guards/deal-access.js';
import { decidedMessage } from '../../views/decisions-list.js';
import { DECISION_OUTCOME_FORM as F } from '../../views/ids.js';
import { escapeMrkdwn } from '../../views/mrkdwn.js';
import { ViewState } from '../../views/view-state.js';
import { parseJsonMetadata } from './decision-submit.js';
import { postDealNote } from './setup-confirm.js';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const metadataSchema = z.object({
  decisionId: z.number().int().positive(),
  channelId: z.string().regex(/^[CG][A-Z0-9]+$/),
  responseUrl: z.string().optional(),
});

/** "Mark decided" outcome modal: records what they decided, once, for a decision of this channel's deal. */
export function decisionOutcomeSubmit(deps: AppDeps) {
  return async ({ ack, body, view, client }: ViewArgs): Promise<void> => {
    const teamId = body.team?.id ?? body.user.team_id ?? view.team_id;
    const meta = parseJsonMetadata(metadataSchema, view.private_metadata);
    const inChannel =
      teamId && meta ? await decisionInChannel(deps.repos, teamId, meta.channelId, meta.decisionId) : null;
    // The metadata can name any channel: the submitter must own the deal or be a member of its channel.
    const found =
      inChannel && (await userMayActOnDeal(client, inChannel.deal, body.user.id)) ? inChannel : null;
    if (!teamId || !meta || !found) {
      await ack({
        response_action: 'errors',
        errors: { [F.outcome]: 'That decision is not part of this deal.' },
      });
      return;
    }
    const outcome = decisionOutcomeSchema.safeParse(ViewState.parse(view.state.values).text(F.outcome) ?? '');
    if (!outcome.success) {
      await ack({
        response_action: 'errors',
        errors: { [F.outcome]: outcome.error.issues[0]?.message ?? 'Required.' },
      });
      return;
    }
    if (!(await deps.repos.idempotency.claim(teamId, `outcome:${view.id}`))) {
      await ack();
      return;
    }
    const decided = await markDecided(deps.repos, found.decision, outcome.data).catch(
      async (error: unknown) => {
        await deps.repos.idempotency.release(teamId, `outcome:${view.id}`);
        throw error;
      },
    );
    await ack();
    if (!decided) return;
    await postDealNote(
      deps,
      client,
      found.deal,
      body.user.id,
      decidedMessage(decided, body.user.id),
      'decision decided',
    );
    const notice = `Decided: ${escapeMrkdwn(decided.title)}`;
    await refreshDecisionList(deps, client, meta.responseUrl, found.deal, body.user.id, notice);
    await publishHomes(deps, client, teamId, [found.deal.ownerUserId, body.user.id]);
  };
}
