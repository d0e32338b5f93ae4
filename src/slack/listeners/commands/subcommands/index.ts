import { helpSubcommand } from './help.js';
import { setupSubcommand } from './setup.js';
import type { Subcommand } from './types.js';

/**
 * Every `/vision` subcommand. Features add theirs here; help and "did you mean" are derived from this list.
 */
export function buildSubcommands(): Subcommand[] {
  const list: Subcommand[] = [];
  list.push(helpSubcommand(() => list));
  list.push(setupSubcommand());
  return list;
}
