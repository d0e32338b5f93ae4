import type { AppLogger } from '../logger.js';
import { purgeTeamNow } from '../services/uninstall.js';
import type { Repositories } from '../storage/ports.js';

export interface PurgeRun {
  purged: string[];
  failed: string[];
}

/**
 * Deletes the data of every workspace whose grace period after uninstalling ended by `now`. A function of
 * `now` (the scheduler calls it hourly); a team that fails is retried on the next run.
 */
export async function purgeUninstalledTeams(
  now: Date,
  deps: { repos: Pick<Repositories, 'installations' | 'teamLifecycle' | 'teamData'>; logger: AppLogger },
): Promise<PurgeRun> {
  const run: PurgeRun = { purged: [], failed: [] };
  for (const due of await deps.repos.teamLifecycle.duePurges(now)) {
    try {
      const counts = await purgeTeamNow(deps.repos, due.teamId, now);
      const rows = Object.values(counts).reduce((a, b) => a + b, 0);
      deps.logger.info(
        `purged workspace ${due.teamId} (uninstalled ${due.uninstalledAt.toISOString()}): ${rows} rows`,
      );
      run.purged.push(due.teamId);
    } catch (error) {
      deps.logger.error(`purging workspace ${due.teamId} failed; will retry`, error);
      run.failed.push(due.teamId);
    }
  }
  return run;
}
