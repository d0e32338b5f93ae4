import { describe, expect, it } from 'vitest';
import { createMessageClassifier } from '../../../src/domain/classifier/classify.js';
import { computeListeningMetrics } from '../../../src/domain/recap/listening-metrics.js';
import { parseTranscript } from '../../../src/domain/recap/transcript-parse.js';
import { createWinkAnalyzer } from '../../../src/nlp/wink-analyzer.js';
import { listeningMessage } from '../../../src/slack/views/recap-metrics.js';

const classify = createMessageClassifier(createWinkAnalyzer());
const _speakersOf = (text: string) => parseTranscript(text).utterances.map((u) => u.speaker);

describe('a time after the label', () => {
  it('"Name: [00:00:05] text" takes the time and leaves it out of the words; a bare "10:30" is words', () => {
    const text = [
      'Sam Rivera: [00:00:05] When do you need it?',
      'Dana Ruiz: [00:01:02.500] 10:30 works for us.',
    ].join('\n');
    expect(parseTranscript(text).utterances).toEqual([
      { speaker: 'Sam Rivera', text: 'When do you need it?', startMs: 5000, endMs: 62_500 },
      { speaker: 'Dana Ruiz', text: '10:30 works for us.', startMs: 62_500, endMs: null },
    ]);
  });
});

describe('a generic label next to named speakers', () => {
  const otter = [
    'Sam Rivera  0:00',
    'What slows the forecast down?',
    '',
    'Dana Ruiz  0:04',
    'We lose two days a week.',
    '',
    'Speaker 3  0:09',
    'And the board wants one number.',
  ].join('\n');

  it('counts it as the customer and names it, so the rep can map it', () => {
    // Sam 5 words; Dana 6 + Speaker 3 6 = 12: 5 / 17 = 29.4%.
    const result = computeListeningMetrics(parseTranscript(otter).utterances, ['Sam Rivera'], classify);
    if (!result.ok) throw new Error(result.reason);
    expect(result.metrics).toMatchObject({
      words: { ours: 5, customer: 12, unknown: 0 },
      ourTalkSharePct: 29.4,
      unmappedSpeakers: ['Speaker 3'],
    });
    const shown = JSON.stringify(listeningMessage('Discovery', result, []).blocks);
    expect(shown).toContain(
      "Speaker 3 counted as the customer's side. If one of them is ours, add a line such as `Speaker 3 = Your Name`",
    );
  });

  it('once mapped to one of ours, it is ours and no longer listed', () => {
    const result = computeListeningMetrics(
      parseTranscript(`Speaker 3 = Kofi Mensah\n${otter}`).utterances,
      ['Sam Rivera', 'Kofi Mensah'],
      classify,
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.metrics).toMatchObject({
      words: { ours: 11, customer: 6, unknown: 0 },
      unmappedSpeakers: [],
    });
  });
});

describe('cues without an end time', () => {
  it('end where the next cue starts; the last keeps none', () => {
    const srt = [
      '1',
      '00:59:58,000 -->',
      'Sam Rivera: What slows the forecast down?',
      '',
      '2',
      '01:00:03,250 --> 01:00:09,000',
      'Dana Ruiz: We lose two days a week.',
      '',
      '3',
      '01:00:09,500 -->',
      'Sam Rivera: Thanks.',
    ].join('\n');
    const parsed = parseTranscript(srt);
    expect(parsed.format).toBe('srt');
    expect(parsed.utterances).toEqual([
      { speaker: 'Sam Rivera', text: 'What slows the forecast down?', startMs: 3_598_000, endMs: 3_603_250 },
      { speaker: 'Dana Ruiz', text: 'We lose two days a week.', startMs: 3_603_250, endMs: 3_609_000 },
      { speaker: 'Sam Rivera', text: 'Thanks.', startMs: 3_609_500, endMs: null },
    ]);
  });
});

describe('two-line and bracketed headers', () => {
  it.each([
    [
      'Avoma-style "Name  [00:00:03]"',
      'Dana Ruiz  [00:00:03]\nWe lose two days.\n\nSam Rivera  [00:00:09]\nWhy?\n',
    ],
    ['name line, then time line', 'Dana Ruiz\n0:03\nWe lose two days.\nSam Rivera\n0:09\nWhy?\n'],
    ['time line, then name line', '00:03\nDana Ruiz\nWe lose two days.\n\n00:09\nSam Rivera\nWhy?\n'],
    ['"Name: 0:03" with the words below', 'Dana Ruiz: 0:03\nWe lose two days.\n\nSam Rivera: 0:09\nWhy?\n'],
    ['"Name — 0:03"', 'Dana Ruiz — 0:03\nWe lose two days.\n\nSam Rivera — 0:09\nWhy?\n'],
  ])('%s', (_, text) => {
    expect(parseTranscript(text).utterances.map((u) => [u.speaker, u.text, u.startMs, u.endMs])).toEqual([
      ['Dana Ruiz', 'We lose two days.', 3000, 9000],
      ['Sam Rivera', 'Why?', 9000, null],
    ]);
  });

  it('in a time-first file, a short answer above the next time is words, not a name', () => {
    const text = '00:03\nDana Ruiz\nThanks.\n00:09\nSam Rivera\nWhy?\n00:12\nDana Ruiz\nBudget.\n';
    expect(parseTranscript(text).utterances.map((u) => [u.speaker, u.text])).toEqual([
      ['Dana Ruiz', 'Thanks.'],
      ['Sam Rivera', 'Why?'],
      ['Dana Ruiz', 'Budget.'],
    ]);
  });
});

describe('dial-in callers', () => {
  const vtt = [
    'WEBVTT',
    '',
    '1',
    '00:00:01.000 --> 00:00:04.000',
    'Sam Rivera: Who else joined by phone?',
    '',
    '2',
    '00:00:04.000 --> 00:00:08.000',
    '+1 415-555-0100: Priya here, from finance. We need it by March.',
  ].join('\n');

  it('a phone-number label is a speaker to map, never words added to the previous speaker', () => {
    const parsed = parseTranscript(vtt);
    expect(parsed.utterances.map((u) => u.speaker)).toEqual(['Sam Rivera', '+1 415-555-0100']);
    // Sam "Who else joined by phone?" 5 words; the caller "Priya here, from finance. We need it by March." 9 words:
    // counted as the customer, and named so the rep can map them.
    const result = computeListeningMetrics(parsed.utterances, ['Sam Rivera'], classify);
    if (!result.ok) throw new Error(result.reason);
    expect(result.metrics).toMatchObject({
      words: { ours: 5, customer: 9, unknown: 0 },
      unmappedSpeakers: ['+1 415-555-0100'],
    });
    const mapped = parseTranscript(`+1 415-555-0100 = Priya Shah\n${vtt}`);
    expect(mapped.utterances.map((u) => u.speaker)).toEqual(['Sam Rivera', 'Priya Shah']);
  });

  it('a date before a colon in notes is not a caller', () => {
    expect(parseTranscript('2026-12-01: kickoff\n2026-12-08: pilot scope').format).toBe('unknown');
  });
});
