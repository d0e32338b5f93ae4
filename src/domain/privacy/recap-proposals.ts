import type { NewRecapProposal } from '../recap/meeting.js';
import { suggestInternalOnly } from './internal-only.js';

/**
 * A recap proposal that would be saved internal-only (a personal fear, a named person's standing): it is shown
 * only to the rep who wrote the recap, never in the channel. Our own proposals and decisions carry no such text.
 */
export function isInternalOnlyProposal(p: NewRecapProposal): boolean {
  if (p.kind !== 'entry' || p.payload.kind === 'proposal') return false;
  const { kind, statement, quote } = p.payload;
  return suggestInternalOnly({ kind, statement, quote }) !== null;
}
