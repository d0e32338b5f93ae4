import type { WebClient } from '@slack/web-api';
import type { Meeting } from '../../domain/recap/meeting.js';
import type { AppLogger } from '../../logger.js';
import type { Repositories } from '../../storage/ports.js';
import { supersededProposalsMessage } from '../views/recap-messages.js';

/** What a recap run again from its saved text ("Try again") does with what the failed run left. */
type RerunDeps = { repos: Repositories; logger: AppLogger; clock: () => Date };

/** Proposals of an earlier run that failed before posting them: a new run replaces them, never doubles them. */
export async function discardUnposted(deps: RerunDeps, teamId: string, meetingId: number, userId: string) {
  const earlier = await deps.repos.meetings.listProposals(teamId, meetingId);
  for (const p of earlier.filter((p) => p.status === 'proposed' && p.messageTs === null))
    await deps.repos.meetings.resolveProposal(teamId, p.id, 'discarded', userId, deps.clock());
}

/**
 * The proposals a failed run posted in the thread, before the retry posts them again: discarded, and their messages
 * say so (their buttons go). Returns where the earlier parent is.
 */
export async function supersedePosted(
  deps: RerunDeps,
  client: WebClient,
  meeting: Meeting,
  parentTs: string,
  userId: string,
): Promise<{ ts: string; channelId: string }> {
  const posted = (await deps.repos.meetings.listProposals(meeting.teamId, meeting.id)).filter(
    (p) => p.status === 'proposed' && p.messageTs !== null,
  );
  for (const p of posted)
    await deps.repos.meetings.resolveProposal(meeting.teamId, p.id, 'discarded', userId, deps.clock());
  for (const ts of new Set(posted.map((p) => p.messageTs!))) {
    await client.chat
      .update({ channel: meeting.channelId, ts, ...supersededProposalsMessage() })
      .catch((error: unknown) =>
        deps.logger.warn('recap retry: an earlier proposals message kept its buttons', error),
      );
  }
  return { ts: parentTs, channelId: meeting.channelId };
}
