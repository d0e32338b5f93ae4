import { describe, expect, it } from 'vitest';
import { normalizeQuote } from '../../src/domain/drafts/attribution.js';
import { parseQuestions, parseStatements } from '../../src/domain/drafts/edit-text.js';
import { countQuestions } from '../../src/domain/recap/listening-metrics.js';
import { parseMeetingCommand } from '../../src/domain/recap/meeting-time.js';
import { parseTranscript } from '../../src/domain/recap/transcript-parse.js';
import { trimBothOf } from '../../src/domain/text/trim-end.js';
import { createChronoWhenReader } from '../../src/nlp/chrono-when.js';
import { parseAttendeeLine } from '../../src/slack/views/recap-modal-parse.js';

/** Takes `run` on a 100,000-character adversarial input and fails if it is anywhere near quadratic. */
function fast(run: () => unknown): void {
  const started = performance.now();
  run();
  // The patterns these replace took 5-130 s on such input; linear code takes milliseconds. The bound leaves room
  // for a CI machine running every test file at once, and still fails anything near quadratic.
  expect(performance.now() - started).toBeLessThan(2_000);
}
const RUN = 100_000;

/** The patterns test/regex-safety.test.ts no longer lists: same answers as before, in linear time. */
describe('hand-written replacements for super-linear patterns', () => {
  it('trims characters at both ends', () => {
    expect(trimBothOf(`"'quoted'"`, `"'`)).toBe('quoted');
    expect(normalizeQuote(' “We lose  three days” ')).toBe('we lose three days');
    fast(() => normalizeQuote(`"${' '.repeat(RUN)}x`));
  });

  it('counts questions after sentence ends with closing quotes and brackets', () => {
    expect(countQuestions('What slows you down? How do you handle customs today? Who owns that.')).toBe(2);
    expect(countQuestions('He asked "why?" Then left. Really?) Yes.')).toBe(2);
    expect(countQuestions('Is it?!')).toBe(0);
    expect(countQuestions('')).toBe(0);
    fast(() => countQuestions(`a.${')'.repeat(RUN)} b?${' '.repeat(RUN)}c`));
  });

  it('reads trailing quotes, citations and question labels of an edited draft', () => {
    expect(parseStatements('- Loses three days [#2, #5] "we lose three days"')).toEqual([
      { text: 'Loses three days', entryIds: [2, 5], quote: 'we lose three days' },
    ]);
    expect(parseStatements('- Shipping “is slow” [3]')).toEqual([
      { text: 'Shipping “is slow”', entryIds: [3], quote: null },
    ]);
    expect(parseStatements('- A [1] “x”')[0]).toMatchObject({ text: 'A', entryIds: [1], quote: 'x' });
    expect(parseStatements('- Not refs [a, 2]')[0]).toMatchObject({ text: 'Not refs [a, 2]', entryIds: [] });
    expect(parseQuestions('- (Implication) What happens if it slips? [#7]')).toEqual([
      { text: 'What happens if it slips?', spin: 'implication', entryIds: [7] },
    ]);
    expect(parseQuestions('- (unknown) Why now?')[0]).toMatchObject({
      text: '(unknown) Why now?',
      spin: 'situation',
    });
    fast(() => parseStatements(`- x${' '.repeat(RUN)}"y`));
    fast(() => parseStatements(`- x [${' 1 ,'.repeat(RUN / 4)}`));
  });

  it('reads WebVTT voice tags', () => {
    const vtt =
      'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v.loud.fast Dana Lee>We lose three days\n\n00:00:04.000 --> 00:00:05.000\n<v Sam>How?\n';
    const parsed = parseTranscript(vtt);
    expect(parsed.utterances.map((u) => [u.speaker, u.text])).toEqual([
      ['Dana Lee', 'We lose three days'],
      ['Sam', 'How?'],
    ]);
    fast(() => parseTranscript(`WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v${'.a'.repeat(RUN / 2)}`));
  });

  it('reads attendee lines', () => {
    expect(parseAttendeeLine('Dana Lee - CFO')).toEqual({ name: 'Dana Lee', role: 'CFO' });
    expect(parseAttendeeLine('Dana Lee, CFO , Ops')).toEqual({ name: 'Dana Lee', role: 'CFO, Ops' });
    expect(parseAttendeeLine('- Dana (Ops) Lee (CFO)')).toEqual({ name: 'Dana (Ops) Lee', role: 'CFO' });
    expect(parseAttendeeLine('Jean-Luc Picard — Captain')).toEqual({
      name: 'Jean-Luc Picard',
      role: 'Captain',
    });
    expect(parseAttendeeLine('Dana Lee')).toEqual({ name: 'Dana Lee', role: null });
    fast(() => parseAttendeeLine(`a${' '.repeat(RUN)}(b`));
    fast(() => parseAttendeeLine(`a${' '.repeat(RUN)}-x`));
  });
});

describe('more hand-written or bounded replacements', () => {
  it('strips quotes around a meeting title', () => {
    const result = parseMeetingCommand('“Pricing review” tomorrow 3pm', {
      now: new Date('2026-11-26T18:46:00Z'),
      timeZone: 'Europe/Berlin',
      readWhen: createChronoWhenReader(),
    });
    expect(result.ok && result.title).toBe('Pricing review');
  });

  it('redacts a database password in a log line, also among many repeated URLs, quickly', async () => {
    const { redact } = await import('../../src/logger.js');
    expect(redact('connect postgresql://app:p@ss:w/rd@db:5432/x failed')).toBe(
      'connect postgresql://app:[redacted]@db:5432/x failed',
    );
    fast(() => redact('postgres://a'.repeat(RUN / 10)));
  });
});
