import { speakerKey } from './turns.js';

/**
 * Is this transcript speaker one of ours? Case- and space-insensitive full-name match, or a first-name match
 * when one side is only a first name ("Sam" matches "Sam Rivera" and the reverse). Two full names with
 * different surnames ("Sam Rivera" vs "Sam Brown") do not match. `fullNameOnly` is for speakers the tool marked
 * with an affiliation ("Sam (Guest)", "Sam Brown (Acme Corp)"): meeting tools mark outside people so, and a
 * shared first name must not turn a customer into one of ours.
 */
export function isOurSpeaker(
  speaker: string | null,
  ourSpeakers: readonly string[],
  fullNameOnly = false,
): boolean {
  const key = speakerKey(speaker);
  if (key === null || key === '') return false;
  const words = key.split(' ');
  return ourSpeakers.some((ours) => {
    const oursKey = speakerKey(ours)!;
    if (oursKey === '') return false;
    if (oursKey === key) return true;
    const oursWords = oursKey.split(' ');
    const oneIsFirstNameOnly = !fullNameOnly && (words.length === 1 || oursWords.length === 1);
    return oneIsFirstNameOnly && oursWords[0] === words[0];
  });
}
