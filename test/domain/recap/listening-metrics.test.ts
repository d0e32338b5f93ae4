import { describe, expect, it } from 'vitest';
import { createMessageClassifier } from '../../../src/domain/classifier/classify.js';
import { computeListeningMetrics, countQuestions } from '../../../src/domain/recap/listening-metrics.js';
import { isOurSpeaker } from '../../../src/domain/recap/our-speakers.js';
import { listeningGuidance, REFERENCE_POINTS } from '../../../src/domain/recap/reference-points.js';
import { parseTranscript } from '../../../src/domain/recap/transcript-parse.js';
import { createWinkAnalyzer } from '../../../src/nlp/wink-analyzer.js';

const classify = createMessageClassifier(createWinkAnalyzer());

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
     *                 T5 Sam Rivera 110-115 s, 6 words, 2 questions; the "[crosstalk]" cue is no speech
     * ours = 11 + 6 + 6 = 23; customer = 13 + 6 + 6 = 25; unknown = 0
     * talk share = 23 / 48 = 47.916..% -> 47.9; customer 52.1; questions = 0 + 2 + 2 = 4
     * longest customer = T3 (60 s > 30 s > 10 s); longest ours = T0 (10 s, first of the two 10 s turns)
     * first proposal T0 ("let me show" comes before "our platform") < first driver T1 -> prescribed
     */
    const result = computeListeningMetrics(
      parseTranscript(VTT).utterances,
      ['sam rivera', 'Alex Kim'],
      classify,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.metrics).toEqual({
      words: { ours: 23, customer: 25, unknown: 0 },
      ourTalkSharePct: 47.9,
      customerTalkSharePct: 52.1,
      questionsAsked: 4,
      monologueBasis: 'seconds',
      longestCustomerMonologue: { speaker: 'Dana Lee', turnIndex: 3, words: 6, seconds: 60 },
      longestOurMonologue: { speaker: 'Sam Rivera', turnIndex: 0, words: 11, seconds: 10 },
      speakers: [
        { speaker: 'Dana Lee', side: 'customer', words: 19, sharePct: 39.6 },
        { speaker: 'Sam Rivera', side: 'ours', words: 17, sharePct: 35.4 },
        { speaker: 'Priya', side: 'customer', words: 6, sharePct: 12.5 },
        { speaker: 'Sam', side: 'ours', words: 6, sharePct: 12.5 },
      ],
      firstProposal: {
        turnIndex: 0,
        speaker: 'Sam Rivera',
        sentence: 'Let me show you our platform first.',
        startMs: 0,
        phrase: expect.any(String),
      },
      firstCustomerDriver: {
        turnIndex: 1,
        speaker: 'Dana Lee',
        sentence: 'We need to cut customs delays.',
        startMs: 10_000,
        phrase: 'we need',
      },
      prescribedBeforeDiagnosing: true,
      prescribingReason:
        'We first prescribed at 0:00 (Sam Rivera: "Let me show you our platform first."), before the customer\'s first driver at 0:10 (Dana Lee: "We need to cut customs delays.").',
      ourSpeakersFound: ['Sam Rivera', 'Sam'],
      customerSpeakers: ['Dana Lee', 'Priya'],
      unmappedSpeakers: [],
    });
    const guidance = listeningGuidance(result.metrics);
    expect(guidance).toHaveLength(3);
    expect(guidance[0]).toContain('47.9%');
    expect(guidance[0]).toContain('43%');
    expect(guidance[1]).toContain('We asked 4 questions; in discovery calls, 11-14 questions');
    expect(guidance[2]).toContain("before the customer's first driver at 0:10");
  });

  it('uses words for monologues without timestamps and sees diagnosis before prescription', () => {
    /*
     * Ana (ours): 7 + 7 + 12 = 26 words, questions 1 + 2 + 0 = 3. Bo: 12 + 2 = 14 words.
     * share = 26 / 40 = 65.0%; customer 35.0. Longest Bo = turn 1 (12 words); longest Ana = turn 4 (12 words).
     * Driver "we're losing" (curly apostrophe) in turn 2; Ana's questions are diagnosing; her pitch is in turn 5.
     */
    const plain = [
      'Ana: What’s going on in your shipping team?',
      'Bo: We’re losing customers because deliveries are late. The goal is next-day delivery.',
      'Ana: How do you measure late? Per order?',
      'Bo: Per order.',
      'Ana: Our routing engine would fix that, I can show you next week.',
    ].join('\n');
    const result = computeListeningMetrics(parseTranscript(plain).utterances, ['ANA'], classify);
    if (!result.ok) throw new Error(result.reason);
    const m = result.metrics;
    expect(m.words).toEqual({ ours: 26, customer: 14, unknown: 0 });
    expect([m.ourTalkSharePct, m.customerTalkSharePct, m.questionsAsked]).toEqual([65, 35, 3]);
    expect(m.speakers).toEqual([
      { speaker: 'Ana', side: 'ours', words: 26, sharePct: 65 },
      { speaker: 'Bo', side: 'customer', words: 14, sharePct: 35 },
    ]);
    expect(m.monologueBasis).toBe('words');
    expect(m.longestCustomerMonologue).toEqual({ speaker: 'Bo', turnIndex: 1, words: 12, seconds: null });
    expect(m.longestOurMonologue).toEqual({ speaker: 'Ana', turnIndex: 4, words: 12, seconds: null });
    expect(m.firstCustomerDriver).toMatchObject({ turnIndex: 1, speaker: 'Bo', phrase: "we're losing" });
    expect(m.firstProposal).toMatchObject({
      turnIndex: 4,
      speaker: 'Ana',
      sentence: 'Our routing engine would fix that, I can show you next week.',
    });
    expect(m.prescribedBeforeDiagnosing).toBe(false);
    expect(m.prescribingReason).toBe(
      'We first prescribed in turn 5 (Ana: "Our routing engine would fix that, I can show you next week."), after the customer\'s first driver in turn 2 (Bo: "We’re losing customers because deliveries are late.").',
    );
  });

  it('does not count a held-back demo or a question about their pricing as prescribing', () => {
    const plain = [
      "Sam: We won't demo today, I'd rather understand your world first.",
      'Sam: How do you handle pricing with your carriers today?',
      'Dana: Badly. We need one rate card for every carrier.',
    ].join('\n');
    const result = computeListeningMetrics(parseTranscript(plain).utterances, ['Sam'], classify);
    if (!result.ok) throw new Error(result.reason);
    expect(result.metrics.firstProposal).toBeNull();
    expect(result.metrics.prescribedBeforeDiagnosing).toBe(false);
    expect(result.metrics.prescribingReason).toBe('We did not propose a solution in this conversation.');
  });

  it('gives a reason instead of metrics without speakers or without our speakers', () => {
    const noSpeakers = parseTranscript('WEBVTT\n\n00:00.000 --> 00:01.000\nhello\n').utterances;
    const none = computeListeningMetrics(noSpeakers, ['Sam'], classify);
    expect(none).toEqual({ ok: false, reason: expect.stringMatching(/no speaker labels/) });
    const notOurs = computeListeningMetrics(parseTranscript(VTT).utterances, ['Alex Kim'], classify);
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
