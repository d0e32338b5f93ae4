import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { AppLogger } from '../../logger.js';

/**
 * Shows a message only to `userId`: ephemeral in the channel, or a DM when Slack refuses the ephemeral (the
 * user left, the app is not in the channel). Never throws: a failing DM is logged, labelled with `what`.
 */
export async function replyPrivately(
  deps: { logger: AppLogger },
  client: WebClient,
  target: { channelId: string; userId: string; threadTs?: string },
  message: { text: string; blocks: KnownBlock[] },
  what: string,
): Promise<void> {
  try {
    await client.chat.postEphemeral({
      channel: target.channelId,
      user: target.userId,
      ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
      ...message,
    });
  } catch (error) {
    deps.logger.warn(`${what}: ephemeral failed, sending it as a DM`, error);
    try {
      await client.chat.postMessage({ channel: target.userId, ...message });
    } catch (dmError) {
      deps.logger.warn(`${what}: DM failed too`, dmError);
    }
  }
}
