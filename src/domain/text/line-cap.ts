/** No line a parser sees is longer than this: bounds the work of any pattern applied per line. */
export const MAX_LINE_LENGTH = 2_000;

/**
 * Breaks lines longer than `max` into pieces of at most `max` characters, at the last space inside the limit
 * when there is one. Nothing is dropped: the pieces keep every character, in order.
 */
export function capLineLength(text: string, max: number = MAX_LINE_LENGTH): string {
  if (text.length <= max) return text;
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let rest = line;
    while (rest.length > max) {
      const space = rest.lastIndexOf(' ', max);
      const cut = space > max / 2 ? space : max;
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut === space ? cut + 1 : cut);
    }
    out.push(rest);
  }
  return out.join('\n');
}
