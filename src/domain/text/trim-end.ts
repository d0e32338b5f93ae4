/**
 * The text without any of `characters` at its end. A loop, because a trailing character-class regex such as
 * /[.!?\s]+$/ is quadratic on long runs of those characters.
 */
export function trimEndOf(text: string, characters: string): string {
  let end = text.length;
  while (end > 0 && characters.includes(text[end - 1] ?? '')) end--;
  return text.slice(0, end);
}

/** Closing punctuation and white space, as stripped from a sentence before it is quoted inside another. */
export const SENTENCE_END = '.!? \t\n\r';

/** The text without any of `characters` at its start (a loop, like trimEndOf). */
export function trimStartOf(text: string, characters: string): string {
  let start = 0;
  while (start < text.length && characters.includes(text[start] ?? '')) start++;
  return text.slice(start);
}

/** The text without any of `characters` at either end: /^[…]+|[…]+$/g without its quadratic end. */
export function trimBothOf(text: string, characters: string): string {
  return trimEndOf(trimStartOf(text, characters), characters);
}

/** One UTF-16 unit is white space as `\s` reads it (a one-character test: constant time). */
export function isSpace(character: string | undefined): boolean {
  return character !== undefined && /^\s$/.test(character);
}

/** The text without the characters at its end for which `drop` holds (a loop: linear on long runs). */
export function trimEndWhere(text: string, drop: (character: string) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text[end - 1] ?? '')) end--;
  return text.slice(0, end);
}

/** The text without the characters at its start for which `drop` holds. */
export function trimStartWhere(text: string, drop: (character: string) => boolean): string {
  let start = 0;
  while (start < text.length && drop(text[start] ?? '')) start++;
  return text.slice(start);
}

/** Every run of white space holding a line break becomes `joiner` (what /\s*\n\s*\/g did, in one pass). */
export function joinLines(text: string, joiner: string): string {
  let out = '';
  let index = 0;
  while (index < text.length) {
    if (!isSpace(text[index])) {
      out += text[index];
      index++;
      continue;
    }
    const start = index;
    let hasBreak = false;
    while (index < text.length && isSpace(text[index])) {
      if (text[index] === '\n') hasBreak = true;
      index++;
    }
    out += hasBreak ? joiner : text.slice(start, index);
  }
  return out;
}
