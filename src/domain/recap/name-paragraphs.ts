import { isFooterLine } from './headed-blocks.js';
import { isNameLike, speakerOf } from './speaker-label.js';
import type { Utterance } from './types.js';

/**
 * Exports without timestamps (Otter, Teams and others with "timestamps" turned off): paragraphs separated by blank
 * lines, each opening with the speaker's name alone on a line.
 *   "Dana Ruiz" / "We lose two days a week." / "" / "Sam Rivera" / "Why is that?"
 * Read so only when at least three paragraphs are there, at least 80% of them open with a name line and someone
 * speaks twice: notes with section headings ("Pricing Discussion", "Timeline Review") repeat no heading.
 */
function paragraphsOf(text: string): string[][] {
  return text
    .split(/\n[ \t]*\n/)
    .map((block) => block.split('\n').filter((line) => line.trim() !== '' && !isFooterLine(line)))
    .filter((block) => block.length > 0);
}

const opensWithName = (block: readonly string[]) =>
  block.length >= 2 && !block[0]!.includes(':') && isNameLike(block[0]!, true);

export function looksLikeNameParagraphs(text: string): boolean {
  const blocks = paragraphsOf(text);
  const named = blocks.filter(opensWithName);
  if (named.length < 3 || named.length * 10 < blocks.length * 8) return false;
  const names = new Set(named.map((block) => speakerOf(block[0]!).speaker.toLowerCase()));
  return names.size < named.length;
}

export function parseNameParagraphs(text: string, clean: (text: string) => string): Utterance[] {
  const utterances: Utterance[] = [];
  for (const block of paragraphsOf(text)) {
    const body = opensWithName(block) ? block.slice(1) : block;
    const words = clean(body.join(' '));
    if (words === '') continue;
    const last = utterances.at(-1);
    // A paragraph without a name line continues the previous speaker; one before any name is a preamble.
    if (opensWithName(block))
      utterances.push({ ...speakerOf(block[0]!), text: words, startMs: null, endMs: null });
    else if (last) last.text = `${last.text} ${words}`;
  }
  return utterances;
}
