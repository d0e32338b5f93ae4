import { describe, expect, it } from 'vitest';
import { withoutClosingMarkers } from '../../src/domain/classifier/normalize.js';
import { cleanQuote } from '../../src/domain/classifier/quote.js';
import { escapeMarkdown } from '../../src/domain/drafts/render-markdown.js';
import { clip } from '../../src/domain/nudges/labels.js';
import { quotedSpans, saidAttribution, trailingClause } from '../../src/domain/recap/attribution-parse.js';
import { parseDecisionText } from '../../src/domain/recap/decision-parse.js';
import { durationAtEnd } from '../../src/domain/recap/meeting-time.js';
import { isSpace, joinLines, trimEndWhere, trimStartWhere } from '../../src/domain/text/trim-end.js';
import { exportFilename } from '../../src/services/drafts-export.js';

/**
 * The patterns the last rewrite removed, kept here as oracles: on many short strings (where backtracking is
 * cheap) the hand parsers give exactly what the patterns gave; on 200,000 hostile characters they stay fast.
 */
const OLD = {
  closingMarkers: /(\S)[*_~]+(?=[\s.,!?;:)]|$)/g,
  quotesAndSpace: /^["'\s]+|["'\s]+$/g,
  lineBreaks: /\s*\n\s*/g,
  clipEnd: /[\s,;:.-]+$/,
  separators: /^[\s,;:.–—-]+|[\s,;:–—-]+$/g,
  trailing: /(?:\(([^()]+)\)|\s[–—-]\s*([^–—-]+))\s*$/,
  trailingSpaced: /\s*(?:\(([^()]+)\)|\s[–—-]\s*([^–—-]+))\s*$/,
  duration:
    /\s+for\s+(?:(\d+)\s*h(?:ours?|rs?)?\s*(\d+)\s*m(?:in(?:ute)?s?)?|(\d+(?:\.\d+)?)\s*(h|hrs?|hours?|m|mins?|minutes?))\s*$/i,
  quote: /"([^"]+)"|“([^”]+)”/g,
  said: /^\s*([^,:"“]{1,40}?)\s+said\b[:,]?\s*(.*)$/s,
};

/** Seeded strings over a small alphabet, so every edge (runs, empties, ends) comes up many times. */
function* samples(alphabet: readonly string[], count = 4_000, maxLength = 14): Generator<string> {
  let seed = 12_345;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  for (let i = 0; i < count; i++) {
    const length = Math.floor(next() * maxLength);
    let text = '';
    for (let j = 0; j < length; j++) text += alphabet[Math.floor(next() * alphabet.length)];
    yield text;
  }
}

const HOSTILE = 200_000;
function fast(run: () => unknown): void {
  const started = performance.now();
  run();
  // The patterns these replace took 5-130 s on such input; linear code takes milliseconds. The bound leaves room
  // for a CI machine running every test file at once, and still fails anything near quadratic.
  expect(performance.now() - started).toBeLessThan(2_000);
}

describe('one-pass parsers give what the super-linear patterns gave', () => {
  it('closing emphasis markers (classifier)', () => {
    for (const text of samples(['*', '_', '~', 'a', ' ', '.', ')', '\n', '('])) {
      expect(withoutClosingMarkers(text), JSON.stringify(text)).toBe(text.replace(OLD.closingMarkers, '$1'));
    }
    fast(() => withoutClosingMarkers(`a${'*'.repeat(HOSTILE)}b`));
    fast(() => withoutClosingMarkers('a*'.repeat(HOSTILE / 2)));
  });

  it('trims at the ends and joins lines', () => {
    const quoteOrSpace = (c: string) => c === '"' || c === "'" || isSpace(c);
    for (const text of samples(['"', "'", ' ', '\n', 'a', ',', ':', '-', '.', '–', '\u00a0'])) {
      const both = trimEndWhere(trimStartWhere(text, quoteOrSpace), quoteOrSpace);
      expect(both, JSON.stringify(text)).toBe(text.replace(OLD.quotesAndSpace, ''));
      expect(joinLines(text, ' ')).toBe(text.replace(OLD.lineBreaks, ' '));
      const clipEnd = (c: string) => isSpace(c) || ',;:.-'.includes(c);
      expect(trimEndWhere(text, clipEnd)).toBe(text.replace(OLD.clipEnd, ''));
    }
    expect(cleanQuote(` "that we lose three days" `)).toBe('we lose three days');
    expect(escapeMarkdown('a \n\n b  c\n')).toBe('a b  c');
    expect(clip('We lose three days, every; week.', 24)).toBe('We lose three days…');
    expect(exportFilename({ accountName: 'Acme -- Corp --' }, 2)).toBe('shared-vision-acme-corp-v2.md');
    fast(() => cleanQuote(`"${' '.repeat(HOSTILE)}x`));
    fast(() => escapeMarkdown(`a${' '.repeat(HOSTILE)}b`));
    fast(() => clip(`a${' ,'.repeat(HOSTILE / 2)}b`, HOSTILE));
    fast(() => exportFilename({ accountName: `a${'-'.repeat(HOSTILE)}b` }, 1));
  });

  it('decision titles, trailing owners and "said" attributions (recap notes)', () => {
    const alphabet = ['(', ')', '-', '–', ' ', 'Dana', 'x', ',', ':', '"', 'said', '\n'];
    for (const text of samples(alphabet)) {
      for (const [pattern, spaced] of [
        [OLD.trailing, false],
        [OLD.trailingSpaced, true],
      ] as const) {
        const old = pattern.exec(text);
        const now = trailingClause(text, spaced);
        expect(now && [now.index, now.inParentheses, now.afterDash], JSON.stringify(text)).toEqual(
          old && [old.index, old[1], old[2]],
        );
      }
      const said = OLD.said.exec(text);
      expect(saidAttribution(text), JSON.stringify(text)).toEqual(said && { name: said[1], words: said[2] });
      const starts = (c: string) => isSpace(c) || ',;:.–—-'.includes(c);
      const ends = (c: string) => isSpace(c) || ',;:–—-'.includes(c);
      expect(trimEndWhere(trimStartWhere(text, starts), ends)).toBe(text.replace(OLD.separators, ''));
    }
    fast(() => trailingClause(`x${' '.repeat(HOSTILE)}(`, true));
    fast(() => trailingClause(`x${' -'.repeat(HOSTILE / 2)}`, true));
    fast(() => saidAttribution(`${' '.repeat(HOSTILE / 2)}Dana${' '.repeat(HOSTILE / 2)}x`));
    expect(parseDecisionText('- pick a pilot region, (Dana) ', '2026-12-01')).toMatchObject({
      title: 'pick a pilot region',
      ownerName: 'Dana',
    });
    fast(() => parseDecisionText(`${'-'.repeat(HOSTILE / 2)}x${' ;'.repeat(HOSTILE / 4)}`, '2026-12-01'));
  });

  it('quoted spans', () => {
    for (const text of samples(['"', '“', '”', 'a', ' '])) {
      expect(quotedSpans(text), JSON.stringify(text)).toEqual(
        [...text.matchAll(OLD.quote)].map((m) => m[1] ?? m[2]),
      );
    }
    fast(() => quotedSpans('“'.repeat(HOSTILE)));
    fast(() => quotedSpans(`${'"a'.repeat(HOSTILE / 2)}`));
  });

  it('meeting durations', () => {
    const alphabet = [' ', 'for', 'FOR', '1', '30', '.5', 'h', 'm', 'min', 'hours', 'x'];
    for (const text of samples(alphabet, 6_000, 10)) {
      const old = OLD.duration.exec(text);
      const now = durationAtEnd(text);
      expect(now && [now.index, ...now.groups], JSON.stringify(text)).toEqual(
        old && [old.index, ...old.slice(1)],
      );
    }
    fast(() => durationAtEnd(`call${' '.repeat(HOSTILE)}x`));
    fast(() => durationAtEnd(`call${' for'.repeat(HOSTILE / 4)} 1h`));
  });
});
