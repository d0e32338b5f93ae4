import type { WebClient } from '@slack/web-api';
import type { Meeting } from '../../domain/recap/meeting.js';
import type { AppLogger } from '../../logger.js';
import type { Repositories } from '../../storage/ports.js';
import { supersededProposalsMessage } from '../views/recap-messages.js';

/** What a recap run again from its saved text ("Try again") does with what the failed run left. */
type RerunDeps = { repos: Repositories; logger: AppLogger; clock: () => Date };

/**
 * Before a retry stores and posts its proposals: the failed run's open proposals are discarded (never doubled), and
 * the thread messages it had posted them in say they were replaced (their buttons go).
 */
export async function replaceEarlierProposals(
  deps: RerunDeps,
  client: WebClient,
  meeting: Meeting,
  userId: string,
): Promise<void> {
  const open = (await deps.repos.meetings.listProposals(meeting.teamId, meeting.id)).filter(
    (p) => p.status === 'proposed',
  );
  for (const p of open)
    await deps.repos.meetings.resolveProposal(meeting.teamId, p.id, 'discarded', userId, deps.clock());
  const posted = new Set(open.flatMap((p) => (p.messageTs ? [p.messageTs] : [])));
  for (const ts of posted) {
    await client.chat
      .update({ channel: meeting.channelId, ts, ...supersededProposalsMessage() })
      .catch((error: unknown) =>
        deps.logger.warn('recap retry: an earlier proposals message kept its buttons', error),
      );
  }
}
