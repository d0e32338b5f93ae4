import type { Entry } from '../entries.js';
import { BUYING_ROLE_LABELS, type Stakeholder } from '../stakeholders.js';
import type { ListeningItem } from './draft.js';
import { compareChronological, hasQuote } from './select-entries.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Proposals logged before the first customer driver (all proposals when no driver exists yet). */
export function proposalsBeforeAnyDriver(entries: readonly Entry[]): Entry[] {
  const live = entries.filter((e) => !e.archived);
  const firstDriver = live.filter((e) => e.kind === 'driver').sort(compareChronological)[0];
  return live
    .filter((e) => e.kind === 'proposal')
    .filter((p) => !firstDriver || compareChronological(p, firstDriver) < 0)
    .sort(compareChronological);
}

/**
 * Private nudges for the rep, computed from the entries (never drafted by a model):
 * prescribing before diagnosing, items only in our words, unconfirmed items, stakeholders never heard from.
 */
export function listeningCheck(
  entries: readonly Entry[],
  stakeholders: readonly Stakeholder[],
): ListeningItem[] {
  const live = entries.filter((e) => !e.archived).sort(compareChronological);
  const customer = live.filter((e) => e.kind !== 'proposal');
  const items: ListeningItem[] = [];

  const early = proposalsBeforeAnyDriver(live);
  if (early.length > 0) {
    items.push({
      kind: 'proposal_before_driver',
      text: `${plural(early.length, 'proposal was', 'proposals were')} logged before any customer driver: diagnose before you prescribe.`,
      entryIds: early.map((e) => e.id),
      stakeholderId: null,
    });
  }

  const ourWords = customer.filter((e) => !hasQuote(e));
  if (ourWords.length > 0) {
    items.push({
      kind: 'our_words',
      text: `${plural(ourWords.length, 'item exists', 'items exist')} only in our words, not theirs: ask the customer to say it in their own words.`,
      entryIds: ourWords.map((e) => e.id),
      stakeholderId: null,
    });
  }

  const unconfirmed = customer.filter((e) => e.status === 'unconfirmed');
  if (unconfirmed.length > 0) {
    items.push({
      kind: 'unconfirmed',
      text: `${plural(unconfirmed.length, 'item is', 'items are')} not confirmed by the customer yet: play them back and ask.`,
      entryIds: unconfirmed.map((e) => e.id),
      stakeholderId: null,
    });
  }

  const heardFrom = new Set(customer.map((e) => e.stakeholderId).filter((id): id is number => id != null));
  const silent = [...stakeholders].filter((s) => !heardFrom.has(s.id)).sort((a, b) => a.id - b.id);
  for (const s of silent) {
    items.push({
      kind: 'silent_stakeholder',
      text: `We have not heard from ${s.name} (${BUYING_ROLE_LABELS[s.buyingRole]}) yet.`,
      entryIds: [],
      stakeholderId: s.id,
    });
  }
  items.push(...privateQuestions(live, stakeholders));
  return items;
}

const clip = (text: string, max = 120) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

/**
 * Internal-only entries turned into questions for the rep to ask one to one, never in a channel: a personal
 * fear or someone's standing is eased by lowering their risk, not by writing it down for the committee.
 */
export function privateQuestions(
  entries: readonly Entry[],
  stakeholders: readonly Stakeholder[],
): ListeningItem[] {
  const people = new Map(stakeholders.map((s) => [s.id, s.name]));
  return entries
    .filter((e) => !e.archived && e.internalOnly && e.kind !== 'proposal')
    .map((e) => {
      const who = e.stakeholderId != null ? people.get(e.stakeholderId) : undefined;
      const ask =
        e.kind === 'risk' || e.kind === 'constraint'
          ? 'what would make a first step safe enough to stand behind?'
          : 'how much of this can we say in front of the group, and what stays between us?';
      return {
        kind: 'private_question' as const,
        text: `Internal only: "${clip(e.statement)}". Ask ${who ?? 'them'} one to one: ${ask}`,
        entryIds: [e.id],
        stakeholderId: e.stakeholderId,
      };
    });
}
