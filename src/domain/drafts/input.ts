import type { Deal } from '../deals.js';
import type { Entry } from '../entries.js';
import type { Stakeholder } from '../stakeholders.js';

/** Everything a drafter needs for one deal. */
export interface DraftInput {
  deal: Pick<Deal, 'accountName' | 'dealName' | 'stage'>;
  entries: Entry[];
  stakeholders: Stakeholder[];
  /** The version number this draft will get (1 for the first draft of the deal). */
  version: number;
}
