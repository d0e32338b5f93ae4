import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/domain/recap/transcript-parse.js';
import { decodeTextFile } from '../../src/services/decode-text.js';

const teams = readFileSync(new URL('../fixtures/transcripts/teams-docx.txt', import.meta.url), 'utf8');
const speakers = (text: string) => [...new Set(parseTranscript(text).utterances.map((u) => u.speaker))];
const EXPECTED = [
  'Sam Rivera',
  'Dana Ruiz',
  "Siobhán O'Neill",
  'Jan van der Berg',
  'José María García-López',
];

describe('decodeTextFile: transcript files as Windows and the tools save them', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const utf8 = Buffer.from(teams, 'utf8');
    expect(decodeTextFile(utf8)).toBe(teams);
    expect(speakers(decodeTextFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])))).toEqual(
      EXPECTED,
    );
  });

  it('reads UTF-16 LE and BE with a BOM (Notepad "Unicode")', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(teams, 'utf16le')]);
    expect(decodeTextFile(le)).toBe(teams);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeTextFile(be)).toBe(teams);
  });

  it('reads a file that is not UTF-8 as Windows-1252 (Notepad "ANSI"), keeping accented names', () => {
    // latin1 bytes equal Windows-1252 for these letters: "á" is one byte 0xE1, invalid as UTF-8 here.
    const ansi = Buffer.from(teams, 'latin1');
    expect(ansi.includes(0xe1)).toBe(true);
    expect(decodeTextFile(ansi)).toBe(teams);
    expect(speakers(decodeTextFile(ansi))).toEqual(EXPECTED);
  });
});
