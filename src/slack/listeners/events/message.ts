import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { listenToMessage } from '../../flows/listen.js';
import { filterMessageEvent } from './message-filter.js';

type MessageArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

/**
 * `message` events (message.channels, message.groups). Bolt has already acked, so slow work is fine; a retried
 * delivery (X-Slack-Retry-Num) carries the same event_id and is dropped by the dedupe in listenToMessage.
 * Passive messages never get a public reply: only the author may get an ephemeral.
 */
export function messageListener(deps: AppDeps) {
  return async ({ event, body, context, client }: MessageArgs): Promise<void> => {
    const teamId = body.team_id ?? context.teamId;
    if (!teamId) return;
    const filtered = filterMessageEvent(event, {
      teamId,
      botUserId: context.botUserId,
      botId: context.botId,
    });
    if (!filtered.listen) {
      deps.logger.debug(`message skipped: ${filtered.reason}`);
      return;
    }
    try {
      const outcome = await listenToMessage(deps, client, {
        teamId,
        channelId: filtered.channelId,
        userId: filtered.userId,
        ts: filtered.ts,
        threadTs: filtered.threadTs,
        text: filtered.text,
        eventId: body.event_id,
      });
      deps.logger.debug(`message in ${filtered.channelId}: ${outcome}`);
    } catch (error) {
      deps.logger.error('listening to a message failed', error);
    }
  };
}
