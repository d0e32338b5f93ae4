import { z } from 'zod';
import { CONSTRAINT_CATEGORIES, ENTRY_KINDS } from '../entries.js';

/** A customer attendee typed as a new "Name - role" line (not yet a stakeholder of the deal). */
export interface NewAttendee {
  name: string;
  role: string | null;
}

/** How the meeting text was read, kept with the meeting so the recap can be explained later. */
export interface MeetingAnalysis {
  /** Transcript format detected (vtt, srt, plain, unknown) or null when only notes were given. */
  format: string | null;
  readAs: 'transcript' | 'notes';
  /** Why a transcript was read as notes (unknown format, no speaker labels); null otherwise. */
  reason: string | null;
  extractor: 'openai' | 'offline';
  /** Something was left out (LLM token budget, file too large). */
  truncated: boolean;
  fallbackReason: string | null;
}

export type MeetingStatus = 'scheduled' | 'recapped';

/** A customer meeting: scheduled by `/vision meeting`, or recapped by `/vision recap`. */
export interface Meeting {
  id: number;
  teamId: string;
  dealId: number;
  channelId: string;
  title: string;
  /** YYYY-MM-DD in the creator's time zone. */
  meetingDate: string;
  startsAt: Date | null;
  endsAt: Date | null;
  status: MeetingStatus;
  ourUserIds: string[];
  customerStakeholderIds: number[];
  customerNew: NewAttendee[];
  notes: string | null;
  transcript: string | null;
  proposedByUs: string | null;
  recapTs: string | null;
  promptTs: string | null;
  promptPostedAt: Date | null;
  analysis: MeetingAnalysis | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export type NewMeeting = Pick<
  Meeting,
  'teamId' | 'dealId' | 'channelId' | 'title' | 'meetingDate' | 'status' | 'createdBy'
> &
  Partial<
    Pick<
      Meeting,
      | 'startsAt'
      | 'endsAt'
      | 'ourUserIds'
      | 'customerStakeholderIds'
      | 'customerNew'
      | 'notes'
      | 'transcript'
      | 'proposedByUs'
      | 'analysis'
    >
  >;

export type MeetingUpdate = Partial<
  Pick<
    Meeting,
    | 'title'
    | 'meetingDate'
    | 'status'
    | 'ourUserIds'
    | 'customerStakeholderIds'
    | 'customerNew'
    | 'notes'
    | 'transcript'
    | 'proposedByUs'
    | 'recapTs'
    | 'promptTs'
    | 'channelId'
    | 'analysis'
  >
>;

export const entryProposalSchema = z.object({
  kind: z.enum(ENTRY_KINDS),
  statement: z.string().trim().min(1),
  quote: z.string().nullable(),
  speaker: z.string().nullable(),
  constraintCategory: z.enum(CONSTRAINT_CATEGORIES).nullable(),
});
export type EntryProposalPayload = z.infer<typeof entryProposalSchema>;

export const decisionProposalSchema = z.object({
  title: z.string().trim().min(1),
  ownerName: z.string().nullable(),
  dueDate: z.string().nullable(),
});
export type DecisionProposalPayload = z.infer<typeof decisionProposalSchema>;

export type ProposalStatus = 'proposed' | 'confirmed' | 'discarded';

interface ProposalBase {
  id: number;
  teamId: string;
  meetingId: number;
  status: ProposalStatus;
  /** Thread message showing this proposal (updated in place when confirmed or discarded). */
  messageTs: string | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
}

/** A proposal from a recap; it becomes an entry or decision only when someone confirms it. */
export type RecapProposal =
  | (ProposalBase & { kind: 'entry'; payload: EntryProposalPayload; entryId: number | null })
  | (ProposalBase & { kind: 'decision'; payload: DecisionProposalPayload; decisionId: number | null });

export type NewRecapProposal =
  | { kind: 'entry'; payload: EntryProposalPayload }
  | { kind: 'decision'; payload: DecisionProposalPayload };
