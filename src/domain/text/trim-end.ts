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
