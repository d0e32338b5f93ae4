import { describe, expect, it } from 'vitest';
import { isNameLike, splitSpeakerPrefix } from '../../../src/domain/recap/speaker-label.js';
import {
  detectTranscriptFormat,
  parseTimestamp,
  parseTranscript,
} from '../../../src/domain/recap/transcript-parse.js';
import { mergeTurns } from '../../../src/domain/recap/turns.js';

const VTT_VOICES = [
  'WEBVTT - Acme discovery',
  '',
  'NOTE recorded by the meeting tool',
  'spans two lines',
  '',
  'STYLE',
  '::cue { color: yellow }',
  '',
  'intro-1',
  '00:00:01.000 --> 00:00:04.500 align:start position:10%',
  '<v.loud Sam Rivera>Thanks for joining. What made you look at this now?</v>',
  '',
  '00:00:05.000 --> 00:00:09.000',
  '<v Dana Lee>We lose three days on every',
  'cross-border <i>shipment</i> &amp; it costs us.',
  '',
  '00:01:00.000 --> 00:01:02.000',
  '<v Dana Lee>Finance wants it fixed.</v> <v Sam Rivera>Understood.',
].join('\n');

describe('parseTranscript: WebVTT', () => {
  it('reads voice tags (with classes), skips header/NOTE/STYLE/identifiers, joins multi-line cues', () => {
    const parsed = parseTranscript(VTT_VOICES);
    expect(parsed.format).toBe('vtt');
    expect(parsed.reason).toBeNull();
    expect(parsed.hasTimestamps).toBe(true);
    expect(parsed.utterances).toEqual([
      {
        speaker: 'Sam Rivera',
        text: 'Thanks for joining. What made you look at this now?',
        startMs: 1000,
        endMs: 4500,
      },
      {
        speaker: 'Dana Lee',
        text: 'We lose three days on every cross-border shipment & it costs us.',
        startMs: 5000,
        endMs: 9000,
      },
      { speaker: 'Dana Lee', text: 'Finance wants it fixed.', startMs: 60000, endMs: 62000 },
      { speaker: 'Sam Rivera', text: 'Understood.', startMs: 60000, endMs: 62000 },
    ]);
  });

  it('reads "Name:" prefixes and keeps colons in the text ("by 10:30")', () => {
    const vtt = [
      'WEBVTT',
      '',
      '1',
      '00:00:00.000 --> 00:00:03.000',
      'Dana Lee: We need it by 10:30 on Monday.',
      '',
      '2',
      '00:00:03.000 --> 00:00:05.250',
      'Sam: Why 10:30?',
      'Note: at 10:30 the freeze starts',
    ].join('\n');
    expect(parseTranscript(vtt).utterances).toEqual([
      { speaker: 'Dana Lee', text: 'We need it by 10:30 on Monday.', startMs: 0, endMs: 3000 },
      { speaker: 'Sam', text: 'Why 10:30? Note: at 10:30 the freeze starts', startMs: 3000, endMs: 5250 },
    ]);
  });

  it('keeps overlapping cues in file order and merges turns with the latest end', () => {
    const vtt = [
      'WEBVTT',
      '',
      '00:00:00.000 --> 00:00:06.000',
      '<v Dana>We have to cut costs.',
      '',
      '00:00:04.000 --> 00:00:05.000',
      '<v Sam>Mm-hm.',
      '',
      '00:00:05.500 --> 00:00:08.000',
      '<v Dana>By a lot.',
      '',
      '00:00:07.000 --> 00:00:12.000',
      '<v Dana>Before March.',
    ].join('\n');
    const turns = mergeTurns(parseTranscript(vtt).utterances);
    expect(turns.map((t) => [t.speaker, t.startMs, t.endMs, t.words])).toEqual([
      ['Dana', 0, 6000, 5],
      ['Sam', 4000, 5000, 1],
      ['Dana', 5500, 12000, 5],
    ]);
  });

  it('takes speakers only from voice tags in files that use them', () => {
    const vtt = 'WEBVTT\n\n00:00.000 --> 00:04.000\n<v Dana>Here is the plan:\nPhase One: scope it.\n';
    expect(parseTranscript(vtt).utterances).toEqual([
      { speaker: 'Dana', text: 'Here is the plan: Phase One: scope it.', startMs: 0, endMs: 4000 },
    ]);
  });

  it('says why when there are no speakers', () => {
    const parsed = parseTranscript('WEBVTT\n\n00:00.000 --> 00:02.000\nHello there\n');
    expect(parsed.format).toBe('vtt');
    expect(parsed.utterances).toEqual([{ speaker: null, text: 'Hello there', startMs: 0, endMs: 2000 }]);
    expect(parsed.hasSpeakers).toBe(false);
    expect(parsed.reason).toMatch(/no speaker labels/);
  });

  it('handles a BOM and Windows line endings', () => {
    const parsed = parseTranscript('\uFEFFWEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\n<v Ana>Hi.\r\n');
    expect(parsed.format).toBe('vtt');
    expect(parsed.utterances).toEqual([{ speaker: 'Ana', text: 'Hi.', startMs: 1000, endMs: 2000 }]);
  });
});

describe('parseTranscript: SRT', () => {
  it('reads index, comma timings and Name: prefixes', () => {
    const srt = [
      '1',
      '00:00:01,000 --> 00:00:03,500',
      'Sam: How do you ship today?',
      '',
      '2',
      '00:00:03,600 --> 00:01:03,600',
      'Dana: Mostly by truck.',
      'Our problem is customs.',
      '',
      '3',
      '01:00:00,000 --> 01:00:01,000',
      '<i>[laughter]</i>',
      '',
    ].join('\r\n');
    const parsed = parseTranscript(srt);
    expect(parsed.format).toBe('srt');
    expect(parsed.utterances).toEqual([
      { speaker: 'Sam', text: 'How do you ship today?', startMs: 1000, endMs: 3500 },
      { speaker: 'Dana', text: 'Mostly by truck. Our problem is customs.', startMs: 3600, endMs: 63600 },
    ]);
    // "[laughter]" is a noise marker, not speech: the cue holding only it is dropped.
  });
});

describe('parseTranscript: plain', () => {
  it('continues unlabelled lines with the previous speaker and reads leading timestamps', () => {
    const plain = [
      'Call with Acme',
      '[00:00:05] Sam: What is driving this?',
      '[00:00:09] Dana: We need it by 10:30 on launch day.',
      'And the board asks every week.',
      '[00:01:09] Sam: Got it.',
    ].join('\n');
    const parsed = parseTranscript(plain);
    expect(parsed.format).toBe('plain');
    expect(parsed.utterances).toEqual([
      // "Call with Acme", before the first label, is the document's title, not speech.
      { speaker: 'Sam', text: 'What is driving this?', startMs: 5000, endMs: 9000 },
      {
        speaker: 'Dana',
        text: 'We need it by 10:30 on launch day. And the board asks every week.',
        startMs: 9000,
        endMs: 69000,
      },
      { speaker: 'Sam', text: 'Got it.', startMs: 69000, endMs: null },
    ]);
  });

  it('treats text without labels or timings as notes, with a reason', () => {
    const parsed = parseTranscript('Note: at 10:30 we talked budget.\nThey want a pilot.');
    expect(parsed.format).toBe('unknown');
    expect(parsed.utterances).toEqual([]);
    expect(parsed.reason).toMatch(/kept as notes/);
    expect(detectTranscriptFormat('')).toBe('unknown');
  });

  it('does not take marker lines for speakers', () => {
    expect(detectTranscriptFormat('Driver: we lose days\nConstraint: no spend before March')).toBe('unknown');
  });
});

describe('speaker label rule', () => {
  it.each([
    ['Dana', true],
    ['Dana Lee', true],
    ["Mary-Ann O'Brien", true],
    ['J.D. Salinger', true],
    ['JD', true],
    ['Speaker 1', true],
    ['Jan van der Berg', true],
    ['Ana de la Cruz', true],
    ['dana ruiz', true],
    ['so basically', false],
    ['John Smith (Acme)', true],
    ['Note', false],
    ['the customer', false],
    ['A Very Long Name Indeed', false],
    ['Alexandria Montgomery Fitzgerald-Smythe', true],
    ['Alexandria Montgomery Fitzgerald-Smytheson', false],
  ])('isNameLike(%s) = %s in a transcript', (label, expected) => {
    expect(isNameLike(label, true)).toBe(expected);
  });

  it('keeps notes strict: no generic or lower-case speakers outside transcripts', () => {
    expect(isNameLike('Speaker 1')).toBe(false);
    expect(isNameLike('cost down')).toBe(false);
    expect(isNameLike('Jan van der Berg')).toBe(true);
  });

  it('splits on the first colon only and needs a space after it', () => {
    expect(splitSpeakerPrefix('Dana: We need it by 10:30')).toEqual({
      speaker: 'Dana',
      text: 'We need it by 10:30',
    });
    expect(splitSpeakerPrefix('10:30: standup')).toBeNull();
    expect(splitSpeakerPrefix('John Smith (Acme): we need it', true)).toEqual({
      speaker: 'John Smith',
      affiliation: 'Acme',
      text: 'we need it',
    });
    expect(splitSpeakerPrefix('Https://example.com')).toBeNull();
    expect(splitSpeakerPrefix('Dana Diaz (VP Ops): we miss Q3')).toBeNull();
  });

  it('parses timestamps with and without hours', () => {
    expect(parseTimestamp('01:02:03.450')).toBe(3723450);
    expect(parseTimestamp('02:03,5')).toBe(123500);
  });
});
