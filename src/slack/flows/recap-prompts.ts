import type { AppLogger } from '../../logger.js';
import type { Repositories } from '../../storage/ports.js';
import { meetingPromptMessage } from '../views/meeting-prompt.js';
import { coachingDestination, conversationFor } from './coaching-destination.js';
import { clientForTeam, type JobClient } from './team-clients.js';

export interface RecapPromptDeps {
  repos: Repositories;
  logger: AppLogger;
}

/** Meetings that ended longer ago than this get no prompt (e.g. after a long outage). */
export const PROMPT_MAX_AGE_MS = 2 * 86_400_000;

export interface RecapPromptRun {
  posted: number;
  failed: number;
}

/**
 * Posts "How did <title> go?" in the deal channel of every scheduled meeting that has ended by `now`, exactly
 * once per meeting: the prompt is claimed in the database before posting, and released if the post fails so
 * the next run tries again. A pure function of `now` and its dependencies.
 */
export async function postDueRecapPrompts(
  now: Date,
  deps: RecapPromptDeps,
  clients: JobClient,
): Promise<RecapPromptRun> {
  const run: RecapPromptRun = { posted: 0, failed: 0 };
  const notBefore = new Date(now.getTime() - PROMPT_MAX_AGE_MS);
  for (const teamId of await deps.repos.meetings.listTeamsWithDuePrompts(now, notBefore)) {
    const client = await clientForTeam(clients, teamId);
    if (!client) continue;
    for (const meeting of await deps.repos.meetings.listDuePrompts(teamId, now, notBefore)) {
      const deal = await deps.repos.deals.getById(teamId, meeting.dealId);
      if (!deal || deal.archived) continue;
      if (!(await deps.repos.meetings.claimPrompt(teamId, meeting.id, now))) continue;
      try {
        // Notes as thread replies are the rep's: in a channel shared with the customer the prompt goes to the
        // deal's internal channel or the owner's DM, and the meeting records where (its thread is read there).
        const dest = await coachingDestination(
          { ...deps, clock: () => now },
          client,
          deal,
          meeting.createdBy,
        );
        const channel = await conversationFor(client, dest);
        const posted = await client.chat.postMessage({ channel, ...meetingPromptMessage(meeting) });
        await deps.repos.meetings.update(teamId, meeting.id, {
          promptTs: posted.ts ?? null,
          channelId: channel,
        });
        run.posted++;
      } catch (error) {
        run.failed++;
        deps.logger.warn(`recap prompt for meeting ${meeting.id} failed; will retry`, error);
        await deps.repos.meetings.releasePrompt(teamId, meeting.id);
      }
    }
  }
  return run;
}
