import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Deal } from '../../domain/deals.js';
import type { RecapSubmission } from '../../domain/recap/submission.js';
import type { AppDeps } from '../deps.js';
import { recapFailedMessage } from '../views/recap-failure.js';
import type { SlackMessageContent } from '../views/recap-messages.js';
import type { RecapModalMetadata } from '../views/recap-modal.js';
import type { RecapForm } from '../views/recap-modal-parse.js';
import { parseRecapMetadata } from '../views/recap-modal-parse.js';
import { publishHome } from './home-publish.js';
import { postRecap, type RecapStage } from './recap.js';

const formSchema = z.object({
  title: z.string(),
  date: z.string(),
  ourUserIds: z.array(z.string()),
  customerStakeholderIds: z.array(z.number()),
  customerNew: z.array(z.object({ name: z.string(), role: z.string().nullable() })),
  notes: z.string(),
  transcript: z.string(),
  fileId: z.string().nullable(),
  ourSpeakers: z.array(z.string()),
  proposedByUs: z.string().nullable(),
});
const payloadSchema = z.object({ metadata: z.string(), form: formSchema });

/** The submitted form and the modal's metadata, as stored with the submission. */
export function encodeRecapSubmission(metadata: string, form: RecapForm): string {
  return JSON.stringify({ metadata, form });
}

export function decodeRecapSubmission(payload: string): { meta: RecapModalMetadata; form: RecapForm } | null {
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(payload));
    if (!parsed.success) return null;
    const meta = parseRecapMetadata(parsed.data.metadata);
    return meta ? { meta, form: parsed.data.form } : null;
  } catch {
    return null;
  }
}

/** Characters of the rep's own text in the form (what "saved" refers to). */
export const savedChars = (form: RecapForm): number =>
  form.notes.length + form.transcript.length + (form.proposedByUs ?? '').length;

/** "Slack refused it (not_in_channel)", "Slack did not answer": only Slack's own error codes, never a stack. */
function slackReason(error: unknown): string | null {
  const e = error as { code?: unknown; data?: { error?: unknown }; statusCode?: unknown };
  if (typeof e?.code !== 'string' || !e.code.startsWith('slack_webapi')) return null;
  if (e.code === 'slack_webapi_platform_error' && typeof e.data?.error === 'string')
    return `Slack refused it (${e.data.error.replace(/[^a-z_]/g, '').slice(0, 40)})`;
  if (e.code === 'slack_webapi_rate_limited_error') return 'Slack asked us to slow down';
  return 'Slack did not answer';
}

export function describeRecapFailure(stage: RecapStage, error: unknown): string {
  const slack = slackReason(error);
  return slack ? `${stage}: ${slack}` : stage;
}

/** DM first (it stays), else an ephemeral in the deal channel; false when Slack took neither. */
async function tellRep(
  deps: Pick<AppDeps, 'logger'>,
  client: WebClient,
  to: { userId: string; channelId: string },
  message: SlackMessageContent,
): Promise<boolean> {
  try {
    await client.chat.postMessage({ channel: to.userId, ...message });
    return true;
  } catch (error) {
    deps.logger.warn('recap failure: DM to the rep failed, trying an ephemeral', error);
  }
  try {
    await client.chat.postEphemeral({ channel: to.channelId, user: to.userId, ...message });
    return true;
  } catch (error) {
    deps.logger.error('recap failure: the rep could not be told (the text stays saved)', error);
    return false;
  }
}

/** Submissions being run in this process ("team:id"), so a click on "Try again" during a run starts nothing. */
const running = new Set<string>();
export const isRunning = (teamId: string, id: number): boolean => running.has(`${teamId}:${id}`);

export interface RunSubmissionArgs {
  client: WebClient;
  botToken: string;
  submission: RecapSubmission;
  deal: Deal;
  meta: RecapModalMetadata;
  form: RecapForm;
  /** A retry from the saved text: reuses the meeting the failed run stored. */
  retry: boolean;
}

/**
 * Runs a stored recap submission after the modal closed. Never throws: on any failure the submission is marked
 * failed and the rep is told privately what failed, that the text is saved, with a "Try again" button.
 */
export async function runRecapSubmission(deps: AppDeps, args: RunSubmissionArgs): Promise<boolean> {
  const { submission, deal, form } = args;
  const stage: { current: RecapStage } = { current: 'reading the thread and the file' };
  const meetingId = args.retry ? (submission.meetingId ?? args.meta.meetingId) : args.meta.meetingId;
  const key = `${submission.teamId}:${submission.id}`;
  running.add(key);
  let failed: string | null = null;
  try {
    await postRecap(deps, {
      client: args.client,
      botToken: args.botToken,
      teamId: submission.teamId,
      userId: submission.userId,
      deal,
      meta: { ...args.meta, ...(meetingId !== undefined ? { meetingId } : {}) },
      form,
      stage,
      replaceUnposted: args.retry,
      onMeetingSaved: (id) =>
        deps.repos.recapSubmissions.setMeeting(submission.teamId, submission.id, id, deps.clock()),
    });
  } catch (error) {
    failed = describeRecapFailure(stage.current, error);
    deps.logger.error(`recap submission ${submission.id} failed while ${stage.current}`, error);
    await deps.repos.recapSubmissions
      .finish(submission.teamId, submission.id, { status: 'failed', failure: failed }, deps.clock())
      .catch((e) => deps.logger.error(`recap submission ${submission.id}: marking it failed failed`, e));
  } finally {
    // The run is over before the rep hears of it: "Try again" must not find it still running.
    running.delete(key);
  }
  if (failed !== null) {
    const message = recapFailedMessage({
      submissionId: submission.id,
      title: form.title,
      channelId: deal.channelId,
      what: failed,
      savedChars: savedChars(form),
      fromFile: form.fileId !== null,
    });
    await tellRep(deps, args.client, { userId: submission.userId, channelId: deal.channelId }, message);
    // Home lists it too, with "Try again": seen even when Slack took neither the DM nor the ephemeral.
    await publishHome(deps, args.client, submission.teamId, submission.userId);
    return false;
  }
  await deps.repos.recapSubmissions
    .finish(submission.teamId, submission.id, { status: 'posted', failure: null }, deps.clock())
    .catch((e) => deps.logger.warn(`recap submission ${submission.id}: marking it posted failed`, e));
  if (args.retry) await publishHome(deps, args.client, submission.teamId, submission.userId);
  return true;
}
