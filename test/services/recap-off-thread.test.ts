import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/domain/recap/transcript-parse.js';
import { extractOffline } from '../../src/llm/recap-extractor.js';
import { RecapTextRunner } from '../../src/services/recap-off-thread.js';

const VTT = [
  'WEBVTT',
  '',
  '00:00:01.000 --> 00:00:04.000',
  '<v Dana Lee>Our invoices take nine days to approve, and that is the real problem.',
  '',
  '00:00:05.000 --> 00:00:08.000',
  '<v Sam Rep>What would success look like for you by March?',
  '',
  '00:00:09.000 --> 00:00:12.000',
  '<v Dana Lee>Decision: pick a pilot region by Dec 15 (Dana)',
].join('\n');

const runner = new RecapTextRunner();
afterAll(() => runner.close());

describe('recap text work on a worker thread', () => {
  it('gives the same transcript and offline proposals as the pure functions', async () => {
    expect(await runner.parseTranscript(VTT)).toEqual(parseTranscript(VTT));
    const input = {
      notes: 'Risk: "budget is frozen until March"',
      transcript: parseTranscript(VTT),
      transcriptText: VTT,
      meetingDate: '2026-11-30',
      ourSpeakers: ['Sam Rep'],
    };
    expect(await runner.extractOffline(input)).toEqual(extractOffline(input));
  });

  it('reads a long transcript saved with old-Mac "\\r" line endings cue by cue, as with "\\n"', async () => {
    const srt = readFileSync(new URL('../fixtures/transcripts/srt-speakers.srt', import.meta.url), 'utf8');
    const long = Array.from({ length: 4 }, () => srt).join('\n');
    expect(long.length).toBeGreaterThan(4_000);
    const parsed = await runner.parseTranscript(long.replace(/\n/g, '\r'));
    expect(parsed.utterances).toHaveLength(4 * 12);
    expect(parsed.utterances).toEqual(parseTranscript(long).utterances);
  });

  it('keeps the event loop free while a 200,000-character text is read', async () => {
    const lines: string[] = [];
    for (let i = 0; lines.join('\n').length < 200_000; i++) {
      lines.push(
        `${i % 2 ? 'Dana Lee' : 'Sam Rep'}: "we ${'really '.repeat(30)}need it" owner: ${'x'.repeat(40)} by Friday`,
      );
    }
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const parsed = await runner.parseTranscript(lines.join('\n').slice(0, 200_000));
    clearInterval(ticker);
    expect(parsed.utterances.length).toBeGreaterThan(100);
    // In line, the parse would run to completion before any timer fired.
    expect(ticks).toBeGreaterThan(0);
  });

  it('stops a job past its deadline with a clear error, and the next job runs on a fresh worker', async () => {
    const strict = new RecapTextRunner(1);
    try {
      await expect(strict.parseTranscript(`${VTT}\n`.repeat(2_000))).rejects.toThrow(/took longer than/);
    } finally {
      await strict.close();
    }
    expect((await runner.parseTranscript(VTT)).format).toBe('vtt');
  });
});
