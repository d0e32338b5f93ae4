import type { WebClient } from '@slack/web-api';
import { Cron } from 'croner';
import { type NudgeJobDeps, runWeeklyNudges, type TeamRunReport } from './run-weekly-nudges.js';

export interface NudgeScheduler {
  /** Runs the job once now (what each timer tick does). */
  tick(): Promise<TeamRunReport[]>;
  /** When the next tick fires, or null once stopped. */
  nextTick(): Date | null;
  stop(): void;
}

export interface NudgeSchedulerOptions {
  deps: NudgeJobDeps;
  client: WebClient;
  /** Cron pattern of the ticks (default every 5 minutes). Each tick asks `dueRun` per workspace. */
  pattern?: string;
}

/**
 * Timers for the weekly nudges: every few minutes, run whatever is due. The timer is unref'd (never keeps a
 * finished process alive) and protected (a slow tick is never overlapped by the next one).
 */
export function startNudgeScheduler(options: NudgeSchedulerOptions): NudgeScheduler {
  const logger = options.deps.logger.child('nudges');
  const tick = async (): Promise<TeamRunReport[]> => {
    const reports = await runWeeklyNudges({
      now: options.deps.clock(),
      deps: options.deps,
      client: options.client,
    });
    for (const r of reports.filter((x) => x.status !== 'not_due' && x.status !== 'disabled')) {
      logger.info(
        `${r.teamId} ${r.runKey ?? ''}: ${r.status}, sent ${r.sent}, failed ${r.failed}, pending ${r.pending}`,
      );
    }
    return reports;
  };
  const job = new Cron(
    options.pattern ?? '*/5 * * * *',
    {
      name: 'weekly-nudges',
      unref: true,
      protect: true,
      catch: (error: unknown) => logger.error('nudge tick failed', error),
    },
    async () => {
      await tick();
    },
  );
  return {
    tick,
    nextTick: () => job.nextRun(),
    stop: () => job.stop(),
  };
}
