import { Cron } from 'croner';
import type { AppLogger } from '../logger.js';
import { postDueRecapPrompts, type RecapPromptRun } from '../slack/flows/recap-prompts.js';
import type { JobClient } from '../slack/flows/team-clients.js';
import { createUserZoneCache } from '../slack/flows/user-time.js';
import { type PurgeRun, purgeUninstalledTeams } from './purge-uninstalled.js';
import { type NudgeJobDeps, runWeeklyNudges, type TeamRunReport } from './run-weekly-nudges.js';

export interface ScheduledJob<T> {
  /** Runs the job once now (what each timer tick does). */
  tick(): Promise<T>;
  /** When the next tick fires, or null once stopped. */
  nextTick(): Date | null;
}

export interface AppScheduler {
  /** Weekly nudges: each tick sends to the recipients whose own slot (Monday 09:00 local) has come. */
  nudges: ScheduledJob<TeamRunReport[]>;
  /** "How did <meeting> go?" prompts for meetings that have ended. */
  recapPrompts: ScheduledJob<RecapPromptRun>;
  /** Deletes the data of workspaces whose grace period after uninstalling has ended. */
  purges: ScheduledJob<PurgeRun>;
  /** Stops every timer (idempotent). */
  stop(): void;
}

export interface SchedulerOptions {
  deps: NudgeJobDeps;
  /** Each team's own client (or one client in one-workspace mode). */
  client: JobClient;
  /** Cron pattern of the nudge ticks (default every 5 minutes). */
  nudgePattern?: string;
  /** Cron pattern of the recap prompt ticks (default every minute). */
  recapPromptPattern?: string;
  /** Told how many nudge messages each tick sent and failed (the app counts them in /metrics). */
  onNudgeRun?: (sent: number, failed: number) => void;
  /** Cron pattern of the purge of uninstalled workspaces (default hourly). */
  purgePattern?: string;
}

/** One croner job: unref'd (never keeps a finished process alive), protected (a slow tick is never overlapped). */
function cronJob<T>(name: string, pattern: string, logger: AppLogger, run: () => Promise<T>) {
  const job = new Cron(
    pattern,
    {
      name,
      unref: true,
      protect: true,
      catch: (error: unknown) => logger.error(`${name} tick failed`, error),
    },
    async () => {
      await run();
    },
  );
  return { job, scheduled: { tick: run, nextTick: () => job.nextRun() } satisfies ScheduledJob<T> };
}

/**
 * The app's timers (started by `startApp(config, { scheduler: true })`): the jobs are functions of `now`; this
 * only calls them with the app clock's now on a cron cadence.
 */
export function startScheduler(options: SchedulerOptions): AppScheduler {
  const { client } = options;
  // Recipients' time zones are kept across ticks (users.info at most every few hours per user).
  const deps = {
    ...options.deps,
    userZones:
      options.deps.userZones ??
      createUserZoneCache({ clock: options.deps.clock, logger: options.deps.logger }),
  };
  const nudgeLogger = deps.logger.child('nudges');
  const promptLogger = deps.logger.child('recap-prompts');

  const tickNudges = async (): Promise<TeamRunReport[]> => {
    const reports = await runWeeklyNudges({ now: deps.clock(), deps, client });
    options.onNudgeRun?.(
      reports.reduce((n, r) => n + r.sent, 0),
      reports.reduce((n, r) => n + r.failed, 0),
    );
    const quiet = (r: TeamRunReport) =>
      ['not_due', 'disabled', 'not_installed'].includes(r.status) ||
      (r.status === 'waiting' && r.sent + r.failed === 0);
    for (const r of reports.filter((x) => !quiet(x))) {
      nudgeLogger.info(
        `${r.teamId} ${r.runKey ?? ''}: ${r.status}, sent ${r.sent}, failed ${r.failed}, pending ${r.pending}, waiting ${r.waiting}`,
      );
    }
    return reports;
  };
  const tickRecapPrompts = async (): Promise<RecapPromptRun> => {
    const run = await postDueRecapPrompts(deps.clock(), deps, client);
    if (run.posted + run.failed > 0) promptLogger.info(`posted ${run.posted}, failed ${run.failed}`);
    return run;
  };

  const nudges = cronJob('weekly-nudges', options.nudgePattern ?? '*/5 * * * *', nudgeLogger, tickNudges);
  const prompts = cronJob(
    'recap-prompts',
    options.recapPromptPattern ?? '* * * * *',
    promptLogger,
    tickRecapPrompts,
  );
  const purges = cronJob('purge-uninstalled', options.purgePattern ?? '17 * * * *', deps.logger, () =>
    purgeUninstalledTeams(deps.clock(), deps),
  );
  return {
    nudges: nudges.scheduled,
    recapPrompts: prompts.scheduled,
    purges: purges.scheduled,
    stop: () => {
      nudges.job.stop();
      prompts.job.stop();
      purges.job.stop();
    },
  };
}
