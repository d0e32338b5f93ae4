import type { Authorize } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { AppLogger } from '../../logger.js';

/**
 * Authorisation when the app runs with one bot token. Bolt's own (`token:`) calls auth.test once at start and
 * keeps its promise for good, so a Slack API that could not be reached at start-up left every later request
 * unauthorised until a restart. Here the bot's identity is asked for at start, kept once known, and asked for
 * again by the next request when the last attempt failed.
 */
export function singleWorkspaceAuthorize(
  client: WebClient,
  botToken: string,
  logger: AppLogger,
): { authorize: Authorize<boolean>; warm(): void } {
  let identity: Promise<{ botId: string | undefined; botUserId: string | undefined }> | null = null;
  const lookUp = () => {
    identity ??= client.auth.test({ token: botToken }).then(
      (result) => ({ botId: result.bot_id, botUserId: result.user_id }),
      (error: unknown) => {
        identity = null;
        throw error;
      },
    );
    return identity;
  };
  return {
    authorize: async () => ({ botToken, ...(await lookUp()) }),
    warm: () => {
      lookUp().catch((error: unknown) =>
        logger.warn('could not reach Slack to check the bot token (asked again on the next request)', error),
      );
    },
  };
}
