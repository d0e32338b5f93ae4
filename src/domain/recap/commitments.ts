import { findDueDate } from './decision-parse.js';
import type { DueDateOptions } from './due-reader.js';
import { isOurSpeaker } from './our-speakers.js';
import { isNameLike } from './speaker-label.js';
import type { ProposedDecision } from './types.js';

/** Words that may link a customer's name to what they will do: "Dana to send", "Tom will confirm". */
const LINKS = new Set(['to', 'will']);
const MAX_NAME_WORDS = 3;

/**
 * A note like "Dana to send the security questionnaire by Friday" or "Tom will confirm the pilot scope next
 * Tuesday": a named person on the customer side (not one of ours) committed to something by a date. Proposed as a
 * decision with that owner and due date, so it is followed up like one; without a readable deadline it is not one.
 */
export function commitmentDecision(
  sentence: string,
  options: {
    meetingDate: string;
    ourSpeakers?: readonly string[] | undefined;
    due?: DueDateOptions | undefined;
  },
): ProposedDecision | null {
  const words = sentence.trim().split(/\s+/);
  const link = words.slice(1, MAX_NAME_WORDS + 1).findIndex((word) => LINKS.has(word.toLowerCase())) + 1;
  if (link < 1 || words.length < link + 3) return null;
  const owner = words.slice(0, link).join(' ');
  if (!isNameLike(owner) || isOurSpeaker(owner, options.ourSpeakers ?? [])) return null;
  const due = findDueDate(sentence, options.meetingDate, options.due);
  if (!due) return null;
  let title = due.rest.replace(/\s+/g, ' ').trim();
  while (/[\s,;.]$/.test(title)) title = title.slice(0, -1);
  return title.split(' ').length > link + 1 ? { title, ownerName: owner, dueDate: due.dueDate } : null;
}
