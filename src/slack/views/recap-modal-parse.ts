import { z } from 'zod';
import { joinPastedParts, RECAP_LIMITS } from '../../domain/recap/limits.js';
import type { NewAttendee } from '../../domain/recap/meeting.js';
import { parseLocalDate } from '../../domain/time/zoned-time.js';
import { RECAP_IDS as R } from './ids.js';
import { MAX_NEW_ATTENDEE_LINES, type RecapModalMetadata, TRANSCRIPT_PARTS } from './recap-modal.js';
import type { FieldErrors, ViewState } from './view-state.js';

export interface RecapForm {
  title: string;
  date: string;
  ourUserIds: string[];
  customerStakeholderIds: number[];
  customerNew: NewAttendee[];
  notes: string;
  transcript: string;
  /** A Slack file to read the transcript from (picked or linked). */
  fileId: string | null;
  ourSpeakers: string[];
  proposedByUs: string | null;
}

export type RecapFormResult = { ok: true; form: RecapForm } | { ok: false; errors: FieldErrors };

const NAME_MAX = 80;

/** "Dana Lee - CFO", "Dana Lee, CFO", "Dana Lee (CFO)" or just "Dana Lee". */
export function parseAttendeeLine(line: string): NewAttendee | null {
  const text = line.replace(/^\s*[-*•]\s+/, '').trim();
  if (text === '') return null;
  const split = parenthesised(text) ?? text.split(',').flatMap(splitOnDashes);
  const name = split[0]!.trim();
  const role = split.slice(1).join(', ').trim();
  return { name, role: role === '' ? null : role };
}

/** "Dana Lee (CFO)": the name and what is in the last brackets (no brackets inside); null otherwise. */
function parenthesised(text: string): [string, string] | null {
  if (!text.endsWith(')')) return null;
  const open = text.lastIndexOf('(');
  const inside = text.slice(open + 1, -1);
  if (open < 1 || inside === '' || inside.includes('(') || inside.includes(')')) return null;
  return [text.slice(0, open), inside];
}

/** "Dana Lee - CFO" -> ["Dana Lee", "CFO"]: a dash standing alone between words separates, a hyphen does not. */
function splitOnDashes(part: string): string[] {
  const pieces: string[][] = [[]];
  for (const word of part.split(/\s+/)) {
    if (word === '') continue;
    if (word === '-' || word === '–' || word === '—') pieces.push([]);
    else pieces[pieces.length - 1]!.push(word);
  }
  return pieces.map((words) => words.join(' '));
}

/** A file id from "F0123ABC" or a Slack file permalink (…/files/U…/F…/name). */
export function fileIdFromLink(text: string): string | null {
  const bare = /^F[A-Z0-9]{4,}$/.exec(text.trim());
  if (bare) return bare[0];
  const link =
    /\/files\/[A-Z0-9]+\/(F[A-Z0-9]{4,})(?:\/|$)/.exec(text) ??
    /\/files-pri\/[A-Z0-9]+-(F[A-Z0-9]{4,})\//.exec(text);
  return link ? link[1]! : null;
}

export function parseRecapForm(state: ViewState, today: string, meta: RecapModalMetadata): RecapFormResult {
  const errors: FieldErrors = {};
  const title = state.text(R.title) ?? '';
  if (title.length === 0) errors[R.title] = 'Give the meeting a title.';
  if (title.length > RECAP_LIMITS.maxMeetingTitleChars)
    errors[R.title] = `Titles can have at most ${RECAP_LIMITS.maxMeetingTitleChars} characters.`;

  const date = state.date(R.date) ?? '';
  if (!parseLocalDate(date)) errors[R.date] = 'Pick the day of the meeting.';
  else if (date > today) errors[R.date] = 'That date is in the future. Recap a meeting once it has happened.';

  const ourUserIds = state.users(R.ourAttendees);
  if (ourUserIds.length === 0) errors[R.ourAttendees] = 'Who from our side was there?';

  const customerNew: NewAttendee[] = [];
  const lines = (state.text(R.customerNew) ?? '').split('\n').filter((l) => l.trim() !== '');
  if (lines.length > MAX_NEW_ATTENDEE_LINES)
    errors[R.customerNew] = `At most ${MAX_NEW_ATTENDEE_LINES} people.`;
  for (const line of lines) {
    const attendee = parseAttendeeLine(line);
    if (!attendee) continue;
    if (attendee.name.length > NAME_MAX || (attendee.role?.length ?? 0) > NAME_MAX) {
      errors[R.customerNew] =
        `Names and roles are limited to ${NAME_MAX} characters ("${line.slice(0, 30)}…").`;
    }
    customerNew.push(attendee);
  }
  const customerStakeholderIds = state
    .selectedMany(R.customerExisting)
    .map(Number)
    .filter((id) => Number.isInteger(id) && id > 0);

  const notes = state.text(R.notes) ?? '';
  const transcript = joinPastedParts(
    Array.from({ length: TRANSCRIPT_PARTS }, (_, i) => state.text(`${R.transcriptPart}${i + 1}`)),
  );
  const link = state.text(R.fileLink);
  const linkedId = link ? fileIdFromLink(link) : null;
  if (link && !linkedId) errors[R.fileLink] = 'That is not a link to a Slack file (…/files/U…/F…/name).';
  const fileId = state.selected(R.file) ?? linkedId;
  if (fileId && transcript !== '') {
    errors[R.file] = 'Paste the transcript or pick a file, not both.';
  }
  const proposedByUs = state.text(R.proposedByUs);
  const hasText = notes !== '' || transcript !== '' || fileId !== null || proposedByUs !== null;
  if (!hasText && !meta.threadReplies) {
    errors[R.notes] = 'Add notes, paste a transcript or pick a transcript file.';
  }
  const ourSpeakers = z.array(z.string().trim().min(1).max(NAME_MAX)).safeParse(
    (state.text(R.ourSpeakers) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  );
  if (!ourSpeakers.success) errors[R.ourSpeakers] = `Names are limited to ${NAME_MAX} characters each.`;

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    form: {
      title,
      date,
      ourUserIds,
      customerStakeholderIds,
      customerNew,
      notes,
      transcript,
      fileId,
      ourSpeakers: ourSpeakers.success ? ourSpeakers.data : [],
      proposedByUs,
    },
  };
}

const metadataSchema = z.object({
  dealId: z.number().int().positive(),
  channelId: z.string().min(1).max(40),
  meetingId: z.number().int().positive().optional(),
  promptTs: z.string().max(40).optional(),
  threadReplies: z.number().int().min(0).optional(),
});

/** The recap modal's private_metadata, validated (it comes back from the client: untrusted). */
export function parseRecapMetadata(raw: string | undefined): RecapModalMetadata | null {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
