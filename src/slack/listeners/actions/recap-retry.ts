import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { retryRecapSubmission } from '../../flows/recap-retry.js';
import { recapRetryRefusedMessage } from '../../views/recap-failure.js';
import type { SlackMessageContent } from '../../views/recap-messages.js';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

const submissionId = z.coerce.number().int().positive();

/**
 * "Try again" on a recap that failed after its modal closed: on the message that said so (its response_url), or on
 * App Home (no response_url: the answer goes to the rep's DM, and Home is published again by the run).
 */
export function recapRetryHandler(deps: AppDeps) {
  return async ({ ack, body, action, client, context, respond }: Args): Promise<void> => {
    await ack();
    const dm = async (message: SlackMessageContent) => {
      await client.chat.postMessage({ channel: body.user.id, ...message });
    };
    const tell = body.response_url
      ? async (message: SlackMessageContent) => {
          await respond({ replace_original: false, response_type: 'ephemeral', ...message });
        }
      : dm;
    const id = submissionId.safeParse(action.value);
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    if (!id.success || !teamId) {
      await tell(recapRetryRefusedMessage('This saved recap is not yours, or it was removed.'));
      return;
    }
    await retryRecapSubmission(deps, {
      client,
      botToken: context.botToken ?? '',
      teamId,
      userId: body.user.id,
      submissionId: id.data,
      replace: body.response_url
        ? async (message) => {
            await respond({ replace_original: true, ...message });
          }
        : dm,
      tell,
    });
  };
}
