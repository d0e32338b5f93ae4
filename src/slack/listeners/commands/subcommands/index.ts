import { helpSubcommand } from './help.js';
import type { Subcommand } from './types.js';

/**
 * Every `/vision` subcommand. Features add theirs here; help and "did you mean" are derived from this list.
 */
export function buildSubcommands(): Subcommand[] {
  const list: Subcommand[] = [];
  list.push(helpSubcommand(() => list));
  return list;
}
