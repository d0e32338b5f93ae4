import type { Turn, Utterance } from './types.js';

/** A word is a whitespace-separated token holding at least one letter or digit ("—" and "-" do not count). */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

export function speakerKey(speaker: string | null): string | null {
  return speaker === null ? null : speaker.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Merges consecutive utterances by the same speaker (case-insensitive; consecutive unlabelled ones merge too)
 * into turns. A turn starts at its first known start and ends at its latest known end (cues may overlap).
 */
export function mergeTurns(utterances: readonly Utterance[]): Turn[] {
  const turns: Turn[] = [];
  for (const utterance of utterances) {
    const last = turns.at(-1);
    if (last && speakerKey(last.speaker) === speakerKey(utterance.speaker)) {
      last.text = `${last.text} ${utterance.text}`.trim();
      last.words += countWords(utterance.text);
      last.startMs ??= utterance.startMs;
      if (utterance.endMs !== null) last.endMs = Math.max(last.endMs ?? utterance.endMs, utterance.endMs);
      continue;
    }
    turns.push({ ...utterance, index: turns.length, words: countWords(utterance.text) });
  }
  return turns;
}
