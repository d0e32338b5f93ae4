import type { WebClient } from '@slack/web-api';
import { MODEL_BUSY_MESSAGE } from '../../domain/model-gate.js';
import type { AppDeps } from '../deps.js';
import { recapRetriedMessage, recapRetryRefusedMessage } from '../views/recap-failure.js';
import type { SlackMessageContent } from '../views/recap-messages.js';
import { decodeRecapSubmission, isRunning, runRecapSubmission } from './recap-submission.js';

const STILL_SAVED = 'Your text is still saved; press "Try again" in a minute.';

export interface RetryArgs {
  client: WebClient;
  botToken: string;
  teamId: string;
  userId: string;
  submissionId: number;
  /** Replaces the message the button was on (its response_url). */
  replace: (message: SlackMessageContent) => Promise<void>;
  /** Tells the clicker something without touching the message. */
  tell: (message: SlackMessageContent) => Promise<void>;
}

/**
 * "Try again" on a recap that failed after its modal closed: runs the recap again from the saved text, once
 * (a double click does not post twice). Only the rep who wrote it can run it. Never throws.
 */
export async function retryRecapSubmission(deps: AppDeps, args: RetryArgs): Promise<void> {
  const refuse = (reason: string) => args.tell(recapRetryRefusedMessage(reason)).catch(() => undefined);
  let submission: Awaited<ReturnType<AppDeps['repos']['recapSubmissions']['get']>>;
  try {
    submission = await deps.repos.recapSubmissions.get(args.teamId, args.submissionId);
  } catch (error) {
    deps.logger.error(`recap retry ${args.submissionId}: reading the saved text failed`, error);
    await refuse(`Our database did not answer, so the recap could not be run again. ${STILL_SAVED}`);
    return;
  }
  if (!submission || submission.userId !== args.userId) {
    await refuse('This saved recap is not yours, or it was removed.');
    return;
  }
  if (submission.status === 'posted') {
    await refuse('This recap was posted already.');
    return;
  }
  const decoded = decodeRecapSubmission(submission.payload);
  if (!decoded) {
    await refuse('This saved recap cannot be read any more.');
    return;
  }
  const now = deps.clock();
  // Pending and not running here: the run ended but marking it failed failed too (the database was down).
  if (isRunning(args.teamId, submission.id)) {
    await refuse('This recap is being run right now; it appears in the deal channel when it is done.');
    return;
  }
  const release = deps.modelGate ? deps.modelGate.tryEnter(args.teamId, args.userId) : () => undefined;
  if (!release) {
    await refuse(`${MODEL_BUSY_MESSAGE} ${STILL_SAVED}`);
    return;
  }
  try {
    // The deal is read again: it may have been archived or moved since the recap failed.
    const found = await deps.repos.deals.getById(args.teamId, submission.dealId);
    const deal = found && !found.archived && found.channelId === submission.channelId ? found : null;
    if (!deal) {
      await refuse(
        'The deal of this recap is archived or no longer linked to its channel. Your text is still saved.',
      );
      return;
    }
    if (
      !(await deps.repos.recapSubmissions.claimRetry(args.teamId, submission.id, submission.updatedAt, now))
    ) {
      await refuse('This recap is being run already.');
      return;
    }
    const posted = await runRecapSubmission(deps, {
      client: args.client,
      botToken: args.botToken,
      submission,
      deal,
      meta: decoded.meta,
      form: decoded.form,
      retry: true,
    });
    if (posted) await args.replace(recapRetriedMessage(decoded.form.title, deal.channelId));
  } catch (error) {
    deps.logger.error(`recap retry ${submission.id} could not start`, error);
    await refuse(`Something failed on our side before the recap could run again. ${STILL_SAVED}`);
  } finally {
    release();
  }
}
