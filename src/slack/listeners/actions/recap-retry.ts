import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { retryRecapSubmission } from '../../flows/recap-retry.js';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

const submissionId = z.coerce.number().int().positive();

/** "Try again" on the message about a recap that failed after its modal closed. */
export function recapRetryHandler(deps: AppDeps) {
  return async ({ ack, body, action, client, context, respond }: Args): Promise<void> => {
    await ack();
    const id = submissionId.safeParse(action.value);
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    if (!id.success || !teamId) {
      await respond({
        replace_original: false,
        response_type: 'ephemeral',
        text: 'This saved recap is not yours, or it was removed.',
      });
      return;
    }
    await retryRecapSubmission(deps, {
      client,
      botToken: context.botToken ?? '',
      teamId,
      userId: body.user.id,
      submissionId: id.data,
      replace: async (message) => {
        await respond({ replace_original: true, ...message });
      },
      tell: async (message) => {
        await respond({ replace_original: false, response_type: 'ephemeral', ...message });
      },
    });
  };
}
