import type { KnownBlock } from '@slack/types';

/** Every text string in a list of blocks. */
export function blockTexts(blocks: KnownBlock[]): string[] {
  return blocks.flatMap((b) => {
    if (b.type === 'section' || b.type === 'header') return b.text ? [b.text.text] : [];
    if (b.type === 'context')
      return b.elements.flatMap((e) => ('text' in e && typeof e.text === 'string' ? [e.text] : []));
    return [];
  });
}
