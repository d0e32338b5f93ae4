import type { WebClient } from '@slack/web-api';
import type { AppLogger } from '../../logger.js';
import { loadHome } from '../../services/home.js';
import type { Repositories } from '../../storage/ports.js';
import { homeView } from '../views/home.js';
import { userToday } from './user-time.js';

export interface HomeDeps {
  repos: Repositories;
  clock: () => Date;
  logger: AppLogger;
}

/** Publishes the user's App Home. Failures are logged, never thrown: Home is a convenience, not a write path. */
export async function publishHome(
  deps: HomeDeps,
  client: WebClient,
  teamId: string,
  userId: string,
): Promise<void> {
  try {
    const { settings } = await deps.repos.workspaces.get(teamId);
    const today = await userToday(client, userId, deps.clock(), settings.timeZone, deps.logger);
    const data = await loadHome(deps.repos, teamId, userId, today, deps.clock());
    await client.views.publish({ user_id: userId, view: homeView(data) });
  } catch (error) {
    deps.logger.warn(`publishing App Home for ${userId} failed`, error);
  }
}

/** Refreshes Home for each distinct user (e.g. new owner, old owner and the person who made the change). */
export async function publishHomes(
  deps: HomeDeps,
  client: WebClient,
  teamId: string,
  userIds: readonly (string | null | undefined)[],
): Promise<void> {
  const unique = [...new Set(userIds.filter((u): u is string => typeof u === 'string' && u !== ''))];
  await Promise.all(unique.map((userId) => publishHome(deps, client, teamId, userId)));
}
