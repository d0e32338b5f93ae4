import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMessageClassifier } from '../../../src/domain/classifier/classify.js';
import { computeListeningMetrics } from '../../../src/domain/recap/listening-metrics.js';
import { parseTranscript } from '../../../src/domain/recap/transcript-parse.js';
import { createWinkAnalyzer } from '../../../src/nlp/wink-analyzer.js';

const classify = createMessageClassifier(createWinkAnalyzer());
const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/transcripts/${name}`, import.meta.url), 'utf8');

/*
 * Every fixture is the same 4-utterance call in another tool's format.
 * Sam (ours): "Thanks for joining. What made you look at this now?" (10 words, 1 question) and
 *             "Let me show you our routing engine, it fixes that." (10 words, prescribing)
 * Customer:   "We lose three days on every shipment." (7 words, driver "we lose") and
 *             "Maybe. Finance wants it fixed by March." (7 words)
 * ours 20, customer 14: 20 / 34 = 58.82% -> 58.8, customer 41.2. Driver (turn 2) before the pitch (turn 3).
 */
function expectedFigures(customer: string, ours: string, timed: boolean) {
  const driverAt = timed ? 'at 0:05' : 'in turn 2';
  const pitchAt = timed ? 'at 0:12' : 'in turn 3';
  return {
    words: { ours: 20, customer: 14, unknown: 0 },
    ourTalkSharePct: 58.8,
    customerTalkSharePct: 41.2,
    questionsAsked: 1,
    speakers: [
      { speaker: ours, side: 'ours', words: 20, sharePct: 58.8 },
      { speaker: customer, side: 'customer', words: 14, sharePct: 41.2 },
    ],
    firstCustomerDriver: {
      turnIndex: 1,
      speaker: customer,
      sentence: 'We lose three days on every shipment.',
      startMs: timed ? 5000 : null,
      phrase: 'we lose',
    },
    firstProposal: expect.objectContaining({
      turnIndex: 2,
      speaker: ours,
      sentence: 'Let me show you our routing engine, it fixes that.',
      startMs: timed ? 12_000 : null,
    }),
    prescribedBeforeDiagnosing: false,
    prescribingReason:
      `We first prescribed ${pitchAt} (${ours}: "Let me show you our routing engine, it fixes that."), ` +
      `after the customer's first driver ${driverAt} (${customer}: "We lose three days on every shipment.").`,
  };
}

describe('transcripts from the tools reps use: exact figures', () => {
  it.each([
    ['zoom.vtt', 'vtt', 'Dana Ruiz', 'Sam Rivera', true],
    ['teams.vtt', 'vtt', 'Dana Ruiz', 'Sam Rivera', true],
    ['google-meet.txt', 'plain', 'Dana Ruiz', 'Sam Rivera', true],
    ['otter.txt', 'headed', 'Dana Ruiz', 'Sam Rivera', true],
    ['headed-company.txt', 'headed', 'Dana Ruiz', 'Sam Rivera', true],
    ['particles.txt', 'plain', 'Jan van der Berg', 'Sam Rivera', false],
    ['lowercase.txt', 'plain', 'dana ruiz', 'sam rivera', false],
    ['name-company-colon.txt', 'plain', 'Dana Ruiz', 'Sam Rivera', false],
  ] as const)('%s (%s)', (name, format, customer, ours, timed) => {
    const parsed = parseTranscript(fixture(name));
    expect(parsed.format).toBe(format);
    const result = computeListeningMetrics(parsed.utterances, ['Sam Rivera'], classify);
    if (!result.ok) throw new Error(result.reason);
    // Google Meet's document starts with the meeting title: not speech, so no words and no turn of its own.
    expect(result.metrics).toMatchObject(expectedFigures(customer, ours, timed));
  });

  it('asks the rep to map generic labels instead of dropping the figures, then uses the mapping', () => {
    const text = fixture('generic-speakers.txt');
    const unmapped = computeListeningMetrics(parseTranscript(text).utterances, ['Sam Rivera'], classify);
    expect(unmapped.ok).toBe(false);
    if (unmapped.ok) return;
    expect(unmapped.reason).toContain('Speaker 1, Speaker 2');
    expect(unmapped.reason).toContain('"Speaker 1 = Sam Rivera"');

    const mapped = parseTranscript(`Speaker 1 = Sam Rivera\nSpeaker 2 = Dana Ruiz\n${text}`);
    const result = computeListeningMetrics(mapped.utterances, ['Sam Rivera'], classify);
    if (!result.ok) throw new Error(result.reason);
    expect(result.metrics).toMatchObject(expectedFigures('Dana Ruiz', 'Sam Rivera', false));
  });
});
