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

/** Capitalised words, initials, and words in scripts without case ("李伟"); combining accents allowed ("José" in NFD). */
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lo}[\p{L}\p{M}'’.-]*|(?:\p{Lu}\.?){1,3})$/u;
/** Lower-case particles inside names: "Jan van der Berg", "Ana de la Cruz", "Ibn al-Haytham". */
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'la',
  'le',
  'du',
  'da',
  'dos',
  'di',
  'bin',
  'al',
  'el',
  'ten',
  'ter',
  'zu',
]);
const LOWER_WORD = /^\p{Ll}[\p{Ll}'’-]{1,20}$/u;
/** Lower-case words that start ordinary sentences ("so: ...", "well: ..."), never names. */
const NOT_LOWER_NAMES = new Set(
  'the customer client we they our their my i you he she it this that so and but well also then now ok okay yes no basically anyway note notes fyi ps re q a update action todo next agenda time date'.split(
    ' ',
  ),
);
/** "Speaker 1", "Speaker 12", "Unknown Speaker": labels a tool gives when it does not know who spoke. */
const GENERIC_LABEL = /^(?:speaker|participant|guest|unknown speaker) ?\d{0,3}$/i;

export function isGenericSpeaker(label: string): boolean {
  return GENERIC_LABEL.test(label.trim()) || isPhoneLabel(label);
}

/**
 * A dial-in caller, labelled by phone number ("+1 415-555-0100", "14155550100"): someone the tool could not name.
 * 10 to 15 digits, so dates ("2026-12-01", 8 digits) and times never count.
 */
function isPhoneLabel(label: string): boolean {
  const trimmed = label.trim();
  let digits = 0;
  for (const c of trimmed) {
    if (c >= '0' && c <= '9') digits += 1;
    else if (!'+ ()-.'.includes(c)) return false;
  }
  return digits >= 10 && digits <= 15;
}

/** Separators meeting tools and people put between a display name and a company: "Dana Ruiz | Acme". */
const AFFILIATION_SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' @ '];

/**
 * "John Smith (Acme)" -> name "John Smith", affiliation "Acme". Also "Priya (Guest)", "Dana Ruiz | Acme Corp",
 * "Dana Ruiz - Acme Corp", "Dana Ruiz (she/her)". The affiliation is not part of the name, but it tells the
 * customer side apart (see our-speakers.ts).
 */
export function splitAffiliation(label: string): { name: string; affiliation: string | null } {
  const split = splitBracketOrSeparator(label);
  return split.affiliation === null
    ? commaOrder(split.name)
    : { ...split, name: commaOrder(split.name).name };
}

/** Words that open a sentence before a comma ("So, Dana: ..."): never a surname in "Surname, First". */
const SENTENCE_OPENERS = new Set(
  'so well ok okay yes no also then now hi hey hello thanks sure right great fine anyway basically and but or look listen'.split(
    ' ',
  ),
);

/**
 * Directory-style names "Ruiz, Dana" / "van der Berg, Jan" (Teams in many companies) -> "Dana Ruiz"; "Dana Ruiz,
 * VP Ops" -> name "Dana Ruiz", affiliation "VP Ops".
 */
function commaOrder(name: string): { name: string; affiliation: string | null } {
  const parts = name.split(',');
  if (parts.length !== 2) return { name, affiliation: null };
  const before = parts[0]!.trim();
  const after = parts[1]!.trim();
  const surnameWords = before.split(' ').filter((word) => !PARTICLES.has(word));
  const firstNames = after.split(' ').filter((word) => word !== '');
  const looksLikeFirstNames =
    firstNames.length >= 1 &&
    firstNames.length <= 2 &&
    firstNames[0]![0] !== firstNames[0]![0]!.toLowerCase();
  if (surnameWords.length === 1 && looksLikeFirstNames && !SENTENCE_OPENERS.has(before.toLowerCase())) {
    return { name: `${after} ${before}`, affiliation: null };
  }
  if (before.split(' ').length >= 2 && after !== '') return { name: before, affiliation: after };
  return { name, affiliation: null };
}

function splitBracketOrSeparator(label: string): { name: string; affiliation: string | null } {
  const trimmed = label.trim();
  const open = trimmed.lastIndexOf('(');
  if (trimmed.endsWith(')') && open > 0) {
    const company = trimmed.slice(open + 1, -1).trim();
    if (company.length >= 1 && company.length <= 60 && !company.includes(')')) {
      return { name: trimmed.slice(0, open).trim(), affiliation: company };
    }
  }
  for (const separator of AFFILIATION_SEPARATORS) {
    const at = trimmed.indexOf(separator);
    if (at > 0) {
      const company = trimmed.slice(at + separator.length).trim();
      if (company !== '' && company.length <= 60)
        return { name: trimmed.slice(0, at).trim(), affiliation: company };
    }
  }
  return { name: trimmed, affiliation: null };
}

/** A transcript label as a speaker: the name, and the affiliation only when the label has one. */
export function speakerOf(label: string): { speaker: string; affiliation?: string } {
  const { name, affiliation } = splitAffiliation(label.trim().replace(/\s+/g, ' '));
  return affiliation === null ? { speaker: name } : { speaker: name, affiliation };
}

/** "John Smith (Acme)" -> "John Smith"; the company is not part of the name. */
export function stripCompany(label: string): string {
  return splitAffiliation(label).name;
}

/**
 * Strict by default (notes, decisions, "X said"). `transcript` also accepts what meeting tools print as speaker
 * labels: generic ones ("Speaker 1"), lower-case names ("dana ruiz") and a company in brackets ("John Smith (Acme)").
 */
export function isNameLike(label: string, transcript = false): boolean {
  const spaced = label.trim().replace(/\s+/g, ' ');
  const trimmed = transcript ? stripCompany(spaced) : spaced;
  if (trimmed.length === 0 || trimmed.length > 40) return false;
  if (isGenericSpeaker(trimmed)) return transcript;
  if (/\d/.test(trimmed)) return false;
  if (RESERVED_LABELS.includes(trimmed.toLowerCase())) return false;
  const words = trimmed.split(' ');
  if (words.filter((word) => !PARTICLES.has(word)).length > 4) return false;
  if (words.every((word) => LOWER_WORD.test(word))) {
    return transcript && words.length <= 2 && !words.some((word) => NOT_LOWER_NAMES.has(word));
  }
  const first = words[0] ?? '';
  const last = words.at(-1) ?? '';
  if (!NAME_WORD.test(first) || !NAME_WORD.test(last)) return false;
  return words.every((word) => NAME_WORD.test(word) || PARTICLES.has(word));
}

/** Splits a leading speaker label off a line; null when the line has no name-like label. */
export function splitSpeakerPrefix(
  line: string,
  transcript = false,
): { speaker: string; text: string; affiliation?: string } | null {
  const match = /^\s*([^:]{1,60}):(?:\s+|$)(.*)$/su.exec(line);
  if (!match) return null;
  const label = match[1]!.trim().replace(/\s+/g, ' ');
  if (!isNameLike(label, transcript)) return null;
  const text = match[2]!.trim();
  return transcript ? { ...speakerOf(label), text } : { speaker: label, text };
}
