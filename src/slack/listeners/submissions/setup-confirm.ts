import type { ChatPostMessageArguments, WebClient } from '@slack/web-api';
import type { AppLogger } from '../../../logger.js';

const slackError = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'data' in error
    ? (error as { data?: { error?: string } }).data?.error
    : undefined;

/**
 * Posts in a channel, joining it first when the bot is not a member yet (public channels only).
 * Returns false (and logs) when the message could not be posted; the caller decides whether to tell the user.
 */
export async function postJoiningIfNeeded(
  client: WebClient,
  logger: AppLogger,
  message: ChatPostMessageArguments & { channel: string },
): Promise<boolean> {
  try {
    await client.chat.postMessage(message);
    return true;
  } catch (error) {
    if (slackError(error) !== 'not_in_channel') {
      logger.warn(`posting in ${message.channel} failed`, error);
      return false;
    }
  }
  try {
    await client.conversations.join({ channel: message.channel });
    await client.chat.postMessage(message);
    return true;
  } catch (error) {
    logger.warn(`joining ${message.channel} to post failed`, error);
    return false;
  }
}
