import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMessageClassifier } from '../../../src/domain/classifier/classify.js';
import { computeListeningMetrics } from '../../../src/domain/recap/listening-metrics.js';
import { parseTranscript } from '../../../src/domain/recap/transcript-parse.js';
import { createWinkAnalyzer } from '../../../src/nlp/wink-analyzer.js';

const classify = createMessageClassifier(createWinkAnalyzer());
const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/transcripts/${name}`, import.meta.url), 'utf8');

const OURS = ['Sam Rivera', 'José María García-López'];

/*
 * The same discovery call (Northwind: Sam Rivera AE, José María García-López SE; Acme Corp: Dana Ruiz,
 * Siobhán O'Neill, Jan van der Berg), exported by each tool. Words counted by hand, sentence by sentence:
 *  0 0:00 Sam    "Thanks for making the time today." 6 / "Quick note, we won't demo anything today." 7 /
 *                "Before anything else, what prompted you to look at this now?" 11 (?)          = 24, 1 question
 *  1 0:10 Dana   "Honestly, the forecast." 3 / "Our planners spend every Monday rebuilding it by hand in
 *                spreadsheets." 11 / "We're losing about two days a week to it." 9 (driver)  = 23
 *  2 0:25 Sam    "How do you handle pricing with your carriers today?" 9 (?) / "Who owns that process?" 4 (?) = 13, 2
 *  3 0:32 Siobhán "I own it, with Jan." 5 / "The pricing is fine, the pain is the handoffs between regions." 11 = 16
 *  4 0:45 Jan    "And the board wants one number by Q3." 8 / "Right now every region sends its own." 7 = 15
 *  5 0:59 José   "That makes sense." 3 / "Who else should we talk to about this?" 8 (?)             = 11, 1
 *  6 1:06 Dana   "Finance, mostly." 2 / "Procurement signs off on anything over fifty thousand." 8  = 10
 *  7 1:15 José   "Got it, thank you." 4 / "Let me show you our forecasting module, it fixes exactly that." 11
 *                (first pitch) / "Our scheduler would replace that spreadsheet in a week." 9          = 24
 *  8 1:28 Siobhán "Maybe." 1 / "We need to see it with our own data first." 10                     = 11
 *  9 1:37 Sam    "Fair." 1 / "Could you send us last month's export?" 7 (?) / "Shall we meet again Thursday?" 5 (?) = 13, 2
 * 10 1:46 Dana   "Yes, Thursday works." 3
 * Sam 24+13+13 = 50, José 11+24 = 35: ours 85. Dana 23+10+3 = 36, Siobhán 16+11 = 27, Jan 15: customer 78.
 * 163 words: ours 85/163 = 52.15% -> 52.1, customer 47.9; Sam 30.67 -> 30.7, Dana 22.09 -> 22.1, José 21.47 -> 21.5,
 * Siobhán 16.56 -> 16.6, Jan 9.20 -> 9.2. Questions 1+2+1+2 = 6. "We won't demo anything today" (negated) and
 * "How do you handle pricing...?" (a question) are not pitches; the first pitch is José's second sentence in turn 7
 * at 1:15; the first driver is Dana's "We're losing..." in turn 1 at 0:10 ("the board wants", turn 4, comes later).
 */
const PITCH = 'Let me show you our forecasting module, it fixes exactly that.';
const DRIVER = "We're losing about two days a week to it.";

function callFigures(times: { driverMs: number | null; pitchMs: number | null }) {
  return {
    words: { ours: 85, customer: 78, unknown: 0 },
    ourTalkSharePct: 52.1,
    customerTalkSharePct: 47.9,
    questionsAsked: 6,
    speakers: [
      { speaker: 'Sam Rivera', side: 'ours', words: 50, sharePct: 30.7 },
      { speaker: 'Dana Ruiz', side: 'customer', words: 36, sharePct: 22.1 },
      { speaker: 'José María García-López', side: 'ours', words: 35, sharePct: 21.5 },
      { speaker: "Siobhán O'Neill", side: 'customer', words: 27, sharePct: 16.6 },
      { speaker: 'Jan van der Berg', side: 'customer', words: 15, sharePct: 9.2 },
    ],
    firstProposal: expect.objectContaining({
      turnIndex: 7,
      speaker: 'José María García-López',
      sentence: PITCH,
      startMs: times.pitchMs,
    }),
    firstCustomerDriver: {
      turnIndex: 1,
      speaker: 'Dana Ruiz',
      sentence: DRIVER,
      startMs: times.driverMs,
      phrase: "we're losing",
    },
    prescribedBeforeDiagnosing: false,
    ourSpeakersFound: ['Sam Rivera', 'José María García-López'],
    customerSpeakers: ['Dana Ruiz', "Siobhán O'Neill", 'Jan van der Berg'],
  };
}

function metricsOf(text: string) {
  const result = computeListeningMetrics(parseTranscript(text).utterances, OURS, classify);
  if (!result.ok) throw new Error(result.reason);
  return result.metrics;
}

describe('real exports of one discovery call: exact figures', () => {
  it.each([
    // Dana's answer runs on into an unlabelled cue at 0:17 that holds the driver sentence; a "[crosstalk]" cue.
    ['srt-speakers.srt', 'srt', 17_000, 75_000],
    // BOM, CRLF, cue numbers; "We're losing | about two days" is cut across cues: the sentence starts at 0:10.
    ['zoom-cloud.vtt', 'vtt', 10_000, 75_000],
    // <v Dana Ruiz (Acme Corp)> and <v Jan van der Berg (Guest)> over two lines, cue ids "3f1e.../17-0".
    ['teams-meeting.vtt', 'vtt', 10_000, 75_000],
    ['teams-docx.txt', 'headed', 10_000, 75_000],
    // The older .docx export: "0:0:10.0 --> 0:0:24.0", then "Dana Ruiz (Acme Corp)" on its own line, then the words.
    ['teams-docx-legacy.txt', 'srt', 10_000, 75_000],
    // Times only at 0:00, 0:25, 0:59, 1:15: Dana's line (second in the 0:00 block) has no time of its own.
    ['google-meet-doc.txt', 'plain', null, 75_000],
    ['otter-names.txt', 'headed', 10_000, 75_000],
    // Otter with timestamps turned off: the name alone above each paragraph, so no times at all.
    ['otter-no-timestamps.txt', 'headed', null, null],
    ['fireflies.txt', 'plain', 10_000, 75_000],
    // The recording starts at 1:02:15 (3,735 s): driver 1:02:25, pitch 1:03:30.
    ['fathom-hour.txt', 'plain', 3_745_000, 3_810_000],
    ['gong.txt', 'headed', 10_000, 75_000],
  ] as const)('%s (%s)', (name, format, driverMs, pitchMs) => {
    const text = fixture(name);
    expect(parseTranscript(text).format).toBe(format);
    expect(metricsOf(text)).toMatchObject(callFigures({ driverMs, pitchMs }));
  });

  it('Google Meet: the title, "Attendees", "Transcript" and "Meeting ended after" lines are neither speech nor speakers', () => {
    const parsed = parseTranscript(fixture('google-meet-doc.txt'));
    expect(parsed.utterances).toHaveLength(11);
    expect(parsed.utterances.every((u) => u.speaker !== null)).toBe(true);
    const all = parsed.utterances.map((u) => u.text).join(' ');
    expect(all).not.toMatch(/Attendees|Transcript|Meeting ended|Northwind discovery/);
    expect(parsed.utterances.at(-1)).toEqual({
      speaker: 'Dana Ruiz',
      text: 'Yes, Thursday works.',
      startMs: null,
      endMs: null,
    });
  });

  it('says when the prescribing and the driver happened, with hours', () => {
    const metrics = metricsOf(fixture('fathom-hour.txt'));
    expect(metrics.prescribingReason).toBe(
      `We first prescribed at 1:03:30 (José María García-López: "${PITCH}"), ` +
        `after the customer's first driver at 1:02:25 (Dana Ruiz: "${DRIVER}").`,
    );
  });

  it('Otter with "Speaker 1" labels asks the rep to map them, then gives the same figures', () => {
    const text = fixture('otter-generic.txt');
    const unmapped = computeListeningMetrics(parseTranscript(text).utterances, OURS, classify);
    expect(unmapped).toEqual({
      ok: false,
      reason:
        'The transcript labels speakers as Speaker 1, Speaker 2, Speaker 3, Speaker 4, Speaker 5, so we cannot ' +
        'tell who is ours. Add one line per speaker above the transcript, e.g. "Speaker 1 = Sam Rivera", ' +
        '"Speaker 2 = José María García-López", "Speaker 3 = Customer Name 1", and send it again.',
    });
    const mapping = [
      'Speaker 1 = Sam Rivera',
      'Speaker 2 = Dana Ruiz',
      "Speaker 3 = Siobhán O'Neill",
      'Speaker 4 = Jan van der Berg',
      'Speaker 5 = José María García-López',
    ].join('\n');
    expect(metricsOf(`${mapping}\n${text}`)).toMatchObject(
      callFigures({ driverMs: 10_000, pitchMs: 75_000 }),
    );
  });

  it('an SRT without speaker names is read as notes, with the reason', () => {
    const parsed = parseTranscript(fixture('srt-no-speakers.srt'));
    expect(parsed.format).toBe('srt');
    expect(parsed.hasSpeakers).toBe(false);
    expect(parsed.utterances).toHaveLength(11);
    expect(parsed.reason).toMatch(/^The SRT transcript has no speaker labels/);
  });

  // notes-with-headings.txt: section headings ("Pricing Discussion") look like name lines, but none repeats.
  it.each(['plain-notes.txt', 'notes-with-qa.txt', 'notes-with-headings.txt'])(
    '%s: pasted notes are notes, not a transcript',
    (name) => {
      const parsed = parseTranscript(fixture(name));
      expect(parsed.format).toBe('unknown');
      expect(parsed.utterances).toEqual([]);
      expect(parsed.reason).toMatch(/^This does not look like a transcript/);
    },
  );
});

/*
 * edge-cues.vtt / edge-plain.txt: a recording that starts an hour in, overlapping cues (1:02:15.5-1:02:21 and
 * 1:02:20-1:02:30), an empty cue, "[inaudible]", "[crosstalk]", "(laughs)" / "[laughter]", "Priya (Guest)".
 * Sam: "What does a late shipment cost you today?" 8 (?) + "Our routing engine would stop that." 6 = 14.
 * Priya: "It costs us a client a quarter, roughly." 8 (driver "costs us") + "We will see." 3 = 11.
 * 25 words: Sam 14/25 = 56.0%, Priya 44.0%. Driver turn 1, pitch turn 2.
 */
describe('hour-long offsets, overlaps, empty cues, noise markers and guest labels', () => {
  it.each([
    ['edge-cues.vtt', 3_735_500, 3_740_000, 3_751_000],
    ['edge-plain.txt', 3_735_000, 3_740_000, 3_751_000],
  ] as const)('%s', (name, firstMs, driverMs, pitchMs) => {
    const parsed = parseTranscript(fixture(name));
    expect(parsed.utterances.map((u) => u.speaker)).toEqual(['Sam Rivera', 'Priya', 'Sam Rivera', 'Priya']);
    expect(parsed.utterances[0]).toMatchObject({
      text: 'What does a late shipment cost you today?',
      startMs: firstMs,
    });
    const result = computeListeningMetrics(parsed.utterances, ['Sam Rivera'], classify);
    if (!result.ok) throw new Error(result.reason);
    expect(result.metrics).toMatchObject({
      words: { ours: 14, customer: 11, unknown: 0 },
      ourTalkSharePct: 56,
      customerTalkSharePct: 44,
      questionsAsked: 1,
      speakers: [
        { speaker: 'Sam Rivera', side: 'ours', words: 14, sharePct: 56 },
        { speaker: 'Priya', side: 'customer', words: 11, sharePct: 44 },
      ],
      firstCustomerDriver: {
        turnIndex: 1,
        speaker: 'Priya',
        sentence: 'It costs us a client a quarter, roughly.',
        startMs: driverMs,
        phrase: 'costs us',
      },
      firstProposal: expect.objectContaining({
        turnIndex: 2,
        sentence: 'Our routing engine would stop that.',
        startMs: pitchMs,
      }),
      prescribedBeforeDiagnosing: false,
    });
  });
});
