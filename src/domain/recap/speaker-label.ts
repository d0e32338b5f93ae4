/**
 * Speaker labels: "Dana Lee: we need it by 10:30" -> speaker "Dana Lee", text "we need it by 10:30".
 *
 * Rule: the label is the text before the FIRST colon of the line, the colon is followed by whitespace or the end
 * of the line, and the label is name-like:
 * - 1 to 4 words, at most 40 characters, no digits;
 * - every word starts with an upper-case letter ("Dana", "McKay", "O'Brien", "Anne-Marie") or is initials
 *   ("JD", "J.", "J.D.");
 * - it is not a notes heading or recap marker ("Note", "Driver", "Next steps", ...; see RESERVED_LABELS).
 * So "Note: at 10:30 we..." and "10:30: call" are not labels, and only the first colon splits, which keeps
 * "We need it by 10:30" whole.
 */
export const RESERVED_LABELS: readonly string[] = [
  'note',
  'notes',
  'driver',
  'drivers',
  'initiative',
  'success',
  'success factor',
  'csf',
  'constraint',
  'risk',
  'decision',
  'proposal',
  'we proposed',
  'action',
  'actions',
  'action items',
  'next steps',
  'next step',
  'summary',
  'agenda',
  'owner',
  'attendees',
  'todo',
  'q',
  'a',
  're',
  'fyi',
  'ps',
  'update',
  'question',
  'answer',
  'date',
  'time',
  'subject',
  'title',
  'speaker',
  'warning',
  'important',
  'budget',
  'timeline',
  'timing',
  'problem',
  'problems',
  'pain',
  'goal',
  'goals',
  'context',
  'background',
  'example',
  'status',
  'result',
  'outcome',
  'issue',
  'issues',
  'comment',
  'comments',
  'follow up',
  'follow-up',
  'yes',
  'no',
  'ok',
  'okay',
  'also',
  'tip',
  'reminder',
];

const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|(?:\p{Lu}\.?){1,3})$/u;

export function isNameLike(label: string): boolean {
  const trimmed = label.trim().replace(/\s+/g, ' ');
  if (trimmed.length === 0 || trimmed.length > 40) return false;
  if (/\d/.test(trimmed)) return false;
  if (RESERVED_LABELS.includes(trimmed.toLowerCase())) return false;
  const words = trimmed.split(' ');
  if (words.length > 4) return false;
  return words.every((word) => NAME_WORD.test(word));
}

/** Splits a leading speaker label off a line; null when the line has no name-like label. */
export function splitSpeakerPrefix(line: string): { speaker: string; text: string } | null {
  const match = /^\s*([^:]{1,60}):(?:\s+|$)(.*)$/su.exec(line);
  if (!match) return null;
  const label = match[1]!.trim().replace(/\s+/g, ' ');
  if (!isNameLike(label)) return null;
  return { speaker: label, text: match[2]!.trim() };
}
