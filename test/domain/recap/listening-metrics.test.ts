import { describe, expect, it } from 'vitest';
import { computeListeningMetrics, countQuestions } from '../../../src/domain/recap/listening-metrics.js';
import { isOurSpeaker } from '../../../src/domain/recap/our-speakers.js';
import { listeningGuidance, REFERENCE_POINTS } from '../../../src/domain/recap/reference-points.js';
import { parseTranscript } from '../../../src/domain/recap/transcript-parse.js';

const VTT = [
  'WEBVTT',
  '',
  '00:00:00.000 --> 00:00:10.000',
  '<v Sam Rivera>Thanks for making time. Let me show you our platform first.',
  '',
  '00:00:10.000 --> 00:00:40.000',
  '<v Dana Lee>Sure. We need to cut customs delays. We lose three days per shipment.',
  '',
  '00:00:40.000 --> 00:00:50.000',
  'Sam: Why three days? Is it paperwork?',
  '',
  '00:00:50.000 --> 00:01:50.000',
  '<v Dana Lee>Mostly paperwork. The board is asking.',
  '',
  '00:01:00.000 --> 00:01:10.000',
  '<v Priya>And the customs broker is slow.',
  '',
  '00:01:50.000 --> 00:01:55.000',
  '<v Sam Rivera>What would success look like? Faster?',
  '',
  '00:01:55.000 --> 00:01:56.000',
  '[crosstalk]',
].join('\n');

describe('computeListeningMetrics', () => {
  it('computes exact figures on a timed VTT (hand computation below)', () => {
    /*
     * Turns (merged): T0 Sam Rivera 0-10 s, 11 words, 0 questions ("Let me show ... our platform")
     *                 T1 Dana Lee 10-40 s, 13 words ("We need ...")
     *                 T2 Sam 40-50 s, 6 words, 2 questions (first-name match with "Sam Rivera")
     *                 T3 Dana Lee 50-110 s, 6 words; T4 Priya 60-70 s (overlaps T3), 6 words
     *                 T5 Sam Rivera 110-115 s, 6 words, 2 questions; T6 unlabelled, 1 word
     * ours = 11 + 6 + 6 = 23; customer = 13 + 6 + 6 = 25; unknown = 1
     * talk share = 23 / 48 = 47.916..% -> 47.9; customer 52.1; questions = 0 + 2 + 2 = 4
     * longest customer = T3 (60 s > 30 s > 10 s); longest ours = T0 (10 s, first of the two 10 s turns)
     * first proposal T0 ("let me show" comes before "our platform") < first driver T1 -> prescribed
     */
    const result = computeListeningMetrics(parseTranscript(VTT).utterances, ['sam rivera', 'Alex Kim']);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.metrics).toEqual({
      words: { ours: 23, customer: 25, unknown: 1 },
      ourTalkSharePct: 47.9,
      customerTalkSharePct: 52.1,
      questionsAsked: 4,
      monologueBasis: 'seconds',
      longestCustomerMonologue: { speaker: 'Dana Lee', turnIndex: 3, words: 6, seconds: 60 },
      longestOurMonologue: { speaker: 'Sam Rivera', turnIndex: 0, words: 11, seconds: 10 },
      firstProposal: { turnIndex: 0, speaker: 'Sam Rivera', phrase: 'let me show' },
      firstCustomerDriver: { turnIndex: 1, speaker: 'Dana Lee', phrase: 'we need' },
      prescribedBeforeDiagnosing: true,
      prescribingReason:
        'We first proposed in turn 1 ("let me show", Sam Rivera), before the customer first stated a driver in turn 2 ("we need", Dana Lee).',
      ourSpeakersFound: ['Sam Rivera', 'Sam'],
      customerSpeakers: ['Dana Lee', 'Priya'],
    });
    const guidance = listeningGuidance(result.metrics);
    expect(guidance).toHaveLength(3);
    expect(guidance[0]).toContain('47.9%');
    expect(guidance[0]).toContain('43%');
    expect(guidance[1]).toContain('We asked 4 questions; in discovery calls, 11-14 questions');
    expect(guidance[2]).toContain('before the customer first stated a driver');
  });

  it('uses words for monologues without timestamps and sees diagnosis before prescription', () => {
    /*
     * Ana (ours): 7 + 7 + 5 = 19 words, questions 1 + 2 + 0 = 3. Bo: 12 + 2 = 14 words.
     * share = 19 / 33 = 57.575..% -> 57.6; customer 42.4. Longest Bo = turn 1 (12 words);
     * longest Ana = turn 0 (7 words, first of two). Driver "we're losing" (curly apostrophe) in turn 1,
     * proposal "we could" in turn 4 -> not prescribed.
     */
    const plain = [
      'Ana: What’s going on in your shipping team?',
      'Bo: We’re losing customers because deliveries are late. The goal is next-day delivery.',
      'Ana: How do you measure late? Per order?',
      'Bo: Per order.',
      'Ana: We could start with routing.',
    ].join('\n');
    const result = computeListeningMetrics(parseTranscript(plain).utterances, ['ANA']);
    if (!result.ok) throw new Error(result.reason);
    const m = result.metrics;
    expect(m.words).toEqual({ ours: 19, customer: 14, unknown: 0 });
    expect([m.ourTalkSharePct, m.customerTalkSharePct, m.questionsAsked]).toEqual([57.6, 42.4, 3]);
    expect(m.monologueBasis).toBe('words');
    expect(m.longestCustomerMonologue).toEqual({ speaker: 'Bo', turnIndex: 1, words: 12, seconds: null });
    expect(m.longestOurMonologue).toEqual({ speaker: 'Ana', turnIndex: 0, words: 7, seconds: null });
    expect(m.firstCustomerDriver).toEqual({ turnIndex: 1, speaker: 'Bo', phrase: "we're losing" });
    expect(m.firstProposal).toEqual({ turnIndex: 4, speaker: 'Ana', phrase: 'we could' });
    expect(m.prescribedBeforeDiagnosing).toBe(false);
    expect(m.prescribingReason).toBe(
      'We first proposed in turn 5 ("we could", Ana), after the customer first stated a driver in turn 2 ("we\'re losing", Bo).',
    );
  });

  it('gives a reason instead of metrics without speakers or without our speakers', () => {
    const noSpeakers = parseTranscript('WEBVTT\n\n00:00.000 --> 00:01.000\nhello\n').utterances;
    const none = computeListeningMetrics(noSpeakers, ['Sam']);
    expect(none).toEqual({ ok: false, reason: expect.stringMatching(/no speaker labels/) });
    const notOurs = computeListeningMetrics(parseTranscript(VTT).utterances, ['Alex Kim']);
    expect(notOurs).toEqual({
      ok: false,
      reason: expect.stringMatching(/None of our speakers \(Alex Kim\)/),
    });
  });
});

describe('rules', () => {
  it('counts sentences ending with a question mark', () => {
    expect(countQuestions('Why? Really?? OK. "Is it?" And then what')).toBe(3);
    expect(countQuestions('Version 2.0 is out? No.')).toBe(1);
  });

  it('matches our speakers by full name or first name only', () => {
    expect(isOurSpeaker('sam  RIVERA', ['Sam Rivera'])).toBe(true);
    expect(isOurSpeaker('Sam', ['Sam Rivera'])).toBe(true);
    expect(isOurSpeaker('Sam Rivera', ['sam'])).toBe(true);
    expect(isOurSpeaker('Sam Brown', ['Sam Rivera'])).toBe(false);
    expect(isOurSpeaker(null, ['Sam'])).toBe(false);
  });

  it('publishes the reference figures with their source', () => {
    expect(REFERENCE_POINTS.talkListen).toMatchObject({ topRepTalkPct: 43, topRepListenPct: 57 });
    expect(REFERENCE_POINTS.talkListen.source).toContain('25,537 B2B calls');
    expect([REFERENCE_POINTS.discoveryQuestions.min, REFERENCE_POINTS.discoveryQuestions.max]).toEqual([
      11, 14,
    ]);
  });
});
