import { inferConstraintCategory } from './constraint-category.js';
import { isOurSpeaker } from './our-speakers.js';
import { findPhrase, RISK_PHRASES } from './phrases.js';
import { speakerIsGroup } from './recall-cues.js';
import type { ProposedEntry, ProposedStakeholder } from './types.js';
import { findStemmedPhrase } from './word-stems.js';

/** The first sentence naming a group ("the board", "procurement", "the CFO") and who said it. */
export interface GroupMention {
  mention: string;
  speaker: string | null;
}

export const UNHEARD_CUE = 'mentioned, never heard from: ';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Groups named in the meeting whose voice was never heard: no speaker label is them. */
export function unheardGroups(
  mentions: ReadonlyMap<string, GroupMention>,
  speakers: Iterable<string>,
): ProposedStakeholder[] {
  const heard = [...speakers];
  return [...mentions]
    .filter(([group]) => !heard.some((speaker) => speakerIsGroup(speaker, group)))
    .map(([name, { mention }]) => ({ name, mention }));
}

/**
 * Each group named by the customer (or in unattributed notes) but never heard from, as a proposal to confirm: a
 * `risk` when the sentence that names them speaks of risk ("the CFO could kill it"), else a `constraint` (someone
 * else has a say: "procurement needs three quotes"), its category read from that sentence. The sentence is the
 * quote; its speaker is kept. A group only our side named (e.g. our question "does the board sign off?") is not
 * the customer's words, so it stays a notice; so does a sentence already proposed as another entry.
 */
export function unheardProposals(
  mentions: ReadonlyMap<string, GroupMention>,
  speakers: Iterable<string>,
  ourSpeakers: readonly string[],
  /** Entries proposed from the same text: a sentence one of them already quotes is not proposed twice. */
  already: readonly ProposedEntry[] = [],
): ProposedEntry[] {
  const unheard = new Set(unheardGroups(mentions, speakers).map((s) => s.name));
  const squash = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const proposed = already
    .flatMap((e) => [e.quote, e.statement])
    .filter((t): t is string => !!t)
    .map(squash);
  const proposals: ProposedEntry[] = [];
  for (const [name, { mention, speaker }] of mentions) {
    if (!unheard.has(name)) continue;
    if (speaker && isOurSpeaker(speaker, ourSpeakers)) continue;
    // The sentence is already proposed (e.g. "Constraint: IT is booked until February"): the notice names them.
    const words = squash(mention);
    if (proposed.some((p) => p.length > 0 && words.includes(p))) continue;
    const risky = findPhrase(mention, RISK_PHRASES) ?? findStemmedPhrase(mention, RISK_PHRASES);
    proposals.push({
      kind: risky ? 'risk' : 'constraint',
      statement: `${capitalised(name)} has a say but was not heard from`,
      quote: mention,
      speaker,
      confidence: 'quoted',
      constraintCategory: risky ? null : inferConstraintCategory(mention),
      cue: `${UNHEARD_CUE}${name}`,
    });
  }
  return proposals;
}
