/**
 * The raw recap modal as submitted, stored before the modal closes: whatever fails afterwards (database, model,
 * worker, Slack), the rep's notes and transcript are kept and the recap can be run again from them.
 */
export type RecapSubmissionStatus = 'pending' | 'posted' | 'failed';

export interface RecapSubmission {
  id: number;
  teamId: string;
  dealId: number;
  channelId: string;
  userId: string;
  /** The modal's view id: a double submit of the same modal is stored (and run) once. */
  viewId: string;
  /** The parsed form and modal metadata as JSON (read back by the Slack flow that wrote it). */
  payload: string;
  /** The recap's title as typed (null for submissions saved before titles were kept). */
  title: string | null;
  status: RecapSubmissionStatus;
  /** What failed, in the rep's words; null unless failed. */
  failure: string | null;
  /** The meeting the first attempt stored, so a retry updates it instead of adding another. */
  meetingId: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export type NewRecapSubmission = Pick<
  RecapSubmission,
  'teamId' | 'dealId' | 'channelId' | 'userId' | 'viewId' | 'payload' | 'title'
>;

/** A run still pending after this long ended without recording its outcome: it is shown as unfinished. */
export const RECAP_RUN_STALLED_MS = 10 * 60_000;
