import { describe, expect, it } from 'vitest';
import { createMessageClassifier } from '../../../src/domain/classifier/classify.js';
import { analyseMeetingText } from '../../../src/domain/recap/recap-analysis.js';
import { createWinkAnalyzer } from '../../../src/nlp/wink-analyzer.js';

const options = {
  meetingDate: '2026-11-26',
  ourSpeakers: ['Sam'],
  classify: createMessageClassifier(createWinkAnalyzer()),
};

describe('analyseMeetingText', () => {
  it('reads a labelled transcript: proposals, metrics and guidance', () => {
    const result = analyseMeetingText(
      'Sam: What is driving this?\nDana: We need faster customs.\nSam: Let me show you the demo.',
      options,
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.readAs).toBe('transcript');
    expect(result.proposals.entries.map((e) => [e.kind, e.statement, e.speaker])).toEqual([
      ['driver', 'We need faster customs.', 'Dana'],
    ]);
    // ours 4 + 6 = 10 words, customer 4: 10 / 14 = 71.43% -> 71.4
    expect(result.listening.ok && result.listening.metrics.ourTalkSharePct).toBe(71.4);
    expect(result.listening.ok && result.listening.metrics.prescribedBeforeDiagnosing).toBe(false);
    expect(result.guidance).toHaveLength(2);
  });

  it('falls back to notes with the reason, and refuses oversized text', () => {
    const notes = analyseMeetingText('Driver: customs delays\nThey liked the pilot idea.', options);
    if (!notes.ok) throw new Error(notes.error);
    expect(notes.readAs).toBe('notes');
    expect(notes.proposals.entries.map((e) => e.statement)).toEqual(['customs delays']);
    expect(notes.listening).toEqual({ ok: false, reason: expect.stringMatching(/kept as notes/) });
    expect(notes.guidance).toEqual([]);

    const vtt = analyseMeetingText('WEBVTT\n\n00:00.000 --> 00:02.000\nRisk: legal may block it\n', options);
    expect(vtt.ok && vtt.readAs).toBe('notes');
    expect(vtt.ok && vtt.proposals.entries.map((e) => [e.kind, e.statement])).toEqual([
      ['risk', 'legal may block it'],
    ]);
    expect(vtt.ok && !vtt.listening.ok && vtt.listening.reason).toMatch(/no speaker labels/);

    expect(analyseMeetingText('x'.repeat(50_001), options)).toEqual({
      ok: false,
      error: expect.stringMatching(/The notes have 50,001 characters; the limit is 50,000/),
    });
  });
});
