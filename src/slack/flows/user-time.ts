import type { WebClient } from '@slack/web-api';
import { isValidTimeZone, localDateString } from '../../domain/time/zoned-time.js';
import type { AppLogger } from '../../logger.js';
import type { AppDeps } from '../deps.js';

/**
 * Today (YYYY-MM-DD) where the user is: their Slack time zone from users.info, else the workspace's zone.
 * A failing users.info must not block the user, so it falls back instead of throwing.
 */
export async function userToday(
  client: WebClient,
  userId: string,
  now: Date,
  fallbackZone: string,
  logger?: AppLogger,
): Promise<string> {
  let zone = fallbackZone;
  try {
    const info = await client.users.info({ user: userId });
    const tz = info.user?.tz;
    if (tz && isValidTimeZone(tz)) zone = tz;
  } catch (error) {
    logger?.warn(`users.info failed for ${userId}; using ${fallbackZone}`, error);
  }
  return localDateString(now, isValidTimeZone(zone) ? zone : 'UTC');
}

/** Today in the user's zone (workspace zone as fallback), for due dates and "overdue". */
export async function todayFor(
  deps: AppDeps,
  client: WebClient,
  teamId: string,
  userId: string,
): Promise<string> {
  const { settings } = await deps.repos.workspaces.get(teamId);
  return userToday(client, userId, deps.clock(), settings.timeZone, deps.logger);
}
