import type { Entry } from '../entries.js';
import { SENTENCE_END, trimEndOf } from '../text/trim-end.js';
import type { Question } from './draft.js';
import { rankEntries } from './select-entries.js';

const clip = (text: string, max = 90) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);
const plain = (text: string) => clip(trimEndOf(text, SENTENCE_END));
const lowerFirst = (text: string) =>
  /^[A-Z][a-z]/.test(text) ? `${text[0]!.toLowerCase()}${text.slice(1)}` : text;

const STOP = new Set(
  'the a an and or of to in on for by with we our you your is are be it that this at from as per every each no not new'.split(
    ' ',
  ),
);
function contentWords(e: Entry): Set<string> {
  return new Set(
    `${e.statement} ${e.quote ?? ''}`
      .toLowerCase()
      .split(/[^\p{L}\p{N}%]+/u)
      .filter((w) => w.length > 2 && !STOP.has(w)),
  );
}
const related = (a: Entry, b: Entry) => {
  const wa = contentWords(a);
  for (const w of contentWords(b)) if (wa.has(w)) return true;
  return false;
};

const MONTHS =
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  );
/** Whether the text names a date or deadline (a quarter, a month, a year, "by …"). Word by word: linear. */
export function namesADate(text: string): boolean {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .some((w) => /^q[1-4]$/.test(w) || MONTHS.includes(w) || /^20\d\d$/.test(w) || /^h[12]$/.test(w));
}

const spendLimit = (e: Entry) =>
  e.kind === 'constraint' && (e.constraintCategory === 'budget' || e.constraintCategory === 'timing');

/**
 * Tensions between what they want, by when, and what they cannot do, as SPIN questions:
 * - a dated success factor while a budget or timing constraint holds (a deadline before a freeze lifts);
 * - a success factor that no driver explains (why does it matter?);
 * - a driver with no success factor (how would they know it is solved?).
 * `entries` are the shareable ones; questions name entries by their summary, never by quote.
 */
export function tensionQuestions(entries: readonly Entry[]): Question[] {
  const ranked = rankEntries(entries);
  const drivers = ranked.filter((e) => e.kind === 'driver');
  const factors = ranked.filter((e) => e.kind === 'success_factor');
  const out: Question[] = [];

  const dated = factors.find((f) => namesADate(`${f.statement} ${f.quote ?? ''}`));
  const limit = ranked.find(spendLimit);
  if (dated && limit) {
    out.push({
      spin: 'implication',
      text: `${plain(dated.statement)}, and ${lowerFirst(plain(limit.statement))}: what must happen before then for both to hold, and what would slipping cost?`,
      entryIds: [dated.id, limit.id],
    });
  }
  if (drivers.length > 0) {
    for (const f of factors.filter((f) => !drivers.some((d) => related(d, f))).slice(0, 1)) {
      out.push({
        spin: 'problem',
        text: `What happens today that makes ${plain(f.statement)} the measure that matters?`,
        entryIds: [f.id],
      });
    }
  }
  if (factors.length > 0) {
    for (const d of drivers.filter((d) => !factors.some((f) => related(d, f))).slice(0, 1)) {
      out.push({
        spin: 'need_payoff',
        text: `What would tell you that "${plain(d.statement)}" is solved, and by when?`,
        entryIds: [d.id],
      });
    }
  }
  return out;
}
