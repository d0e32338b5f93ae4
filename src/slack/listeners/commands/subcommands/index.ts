import { askSubcommand } from './ask.js';
import { crmSubcommand } from './crm.js';
import { decisionSubcommand, decisionsSubcommand } from './decision.js';
import { draftSubcommand } from './draft.js';
import { exportSubcommand } from './export.js';
import { helpSubcommand } from './help.js';
import { listSubcommand } from './list.js';
import { listenSubcommand } from './listen.js';
import { logSubcommands } from './log.js';
import { meetingSubcommand } from './meeting.js';
import { nudgesSubcommand } from './nudges.js';
import { quietSubcommand } from './quiet.js';
import { recapSubcommand } from './recap.js';
import { setupSubcommand } from './setup.js';
import { stalledSubcommand } from './stalled.js';
import type { Subcommand } from './types.js';

/**
 * Every `/vision` subcommand. Features add theirs here; help and "did you mean" are derived from this list.
 */
export function buildSubcommands(): Subcommand[] {
  const list: Subcommand[] = [];
  list.push(helpSubcommand(() => list));
  list.push(askSubcommand(), quietSubcommand(), listenSubcommand());
  list.push(...logSubcommands(), listSubcommand());
  list.push(setupSubcommand(), crmSubcommand());
  list.push(decisionSubcommand(), decisionsSubcommand());
  list.push(stalledSubcommand(), nudgesSubcommand());
  list.push(recapSubcommand(), meetingSubcommand());
  list.push(draftSubcommand(), exportSubcommand());
  return list;
}
