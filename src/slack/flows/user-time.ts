import type { WebClient } from '@slack/web-api';
import { isValidTimeZone, localDateString } from '../../domain/time/zoned-time.js';
import type { AppLogger } from '../../logger.js';
import type { AppDeps } from '../deps.js';

/** The user's Slack time zone from users.info, else `fallbackZone`; a failing users.info falls back, never throws. */
export async function userZone(
  client: WebClient,
  userId: string,
  fallbackZone: string,
  logger?: AppLogger,
): Promise<string> {
  try {
    const info = await client.users.info({ user: userId });
    const tz = info.user?.tz;
    if (tz && isValidTimeZone(tz)) return tz;
  } catch (error) {
    logger?.warn(`users.info failed for ${userId}; using ${fallbackZone}`, error);
  }
  return isValidTimeZone(fallbackZone) ? fallbackZone : 'UTC';
}

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
  return localDateString(now, await userZone(client, userId, fallbackZone, logger));
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

interface CachedZone {
  /** The user's valid Slack zone, or null when Slack has none for them (bots, deleted users). */
  zone: string | null;
  fetchedAt: number;
}

/** Each user's Slack time zone (`users.info` `tz`), remembered per team for `ttlMs` (default 6 hours). */
export interface UserZoneCache {
  /** The user's zone, else `fallbackZone` (the workspace's); a failing users.info falls back, never throws. */
  zoneOf(client: WebClient, teamId: string, userId: string, fallbackZone: string): Promise<string>;
}

const DEFAULT_ZONE_TTL_MS = 6 * 60 * 60_000;
const MAX_CACHED_ZONES = 20_000;

export function createUserZoneCache(options: {
  clock: () => Date;
  logger?: AppLogger;
  ttlMs?: number;
}): UserZoneCache {
  const ttlMs = options.ttlMs ?? DEFAULT_ZONE_TTL_MS;
  const cache = new Map<string, CachedZone>();
  const remember = (key: string, zone: string | null) => {
    cache.delete(key);
    if (cache.size >= MAX_CACHED_ZONES) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    cache.set(key, { zone, fetchedAt: options.clock().getTime() });
  };
  return {
    async zoneOf(client, teamId, userId, fallbackZone) {
      const key = `${teamId}:${userId}`;
      const cached = cache.get(key);
      if (cached && options.clock().getTime() - cached.fetchedAt < ttlMs) return cached.zone ?? fallbackZone;
      try {
        const info = await client.users.info({ user: userId });
        const tz = info.user?.tz;
        const zone = tz && isValidTimeZone(tz) ? tz : null;
        remember(key, zone);
        return zone ?? fallbackZone;
      } catch (error) {
        // A stale zone beats the workspace's: a rep rarely moves, and Slack may be briefly unavailable.
        options.logger?.warn(
          `users.info failed for ${userId}; using ${cached ? 'the cached' : fallbackZone} zone`,
          error,
        );
        return cached?.zone ?? fallbackZone;
      }
    },
  };
}
