import { describe, expect, it } from 'vitest';
import { createMessageClassifier } from '../../../src/domain/classifier/classify.js';
import { computeListeningMetrics } from '../../../src/domain/recap/listening-metrics.js';
import { parseTranscript } from '../../../src/domain/recap/transcript-parse.js';
import { createWinkAnalyzer } from '../../../src/nlp/wink-analyzer.js';

const classify = createMessageClassifier(createWinkAnalyzer());
const speakersOf = (text: string) => parseTranscript(text).utterances.map((u) => u.speaker);

describe('speaker labels as meeting tools print them', () => {
  it('takes the company or role after the name as an affiliation, not part of the name', () => {
    const text = [
      'Dana Ruiz | Acme Corp: We need one number by Q3.',
      'Priya (Guest): Agreed.',
      'Jan van der Berg - Acme: Same here.',
      'Sam Rivera (she/her): Thanks.',
    ].join('\n');
    expect(parseTranscript(text).utterances).toEqual([
      {
        speaker: 'Dana Ruiz',
        affiliation: 'Acme Corp',
        text: 'We need one number by Q3.',
        startMs: null,
        endMs: null,
      },
      { speaker: 'Priya', affiliation: 'Guest', text: 'Agreed.', startMs: null, endMs: null },
      { speaker: 'Jan van der Berg', affiliation: 'Acme', text: 'Same here.', startMs: null, endMs: null },
      { speaker: 'Sam Rivera', affiliation: 'she/her', text: 'Thanks.', startMs: null, endMs: null },
    ]);
  });

  it('a guest who shares a first name with our rep stays on the customer side', () => {
    /*
     * Sam Rivera (ours): "What slows the forecast down?" 5 words, 1 question.
     * Sam (Guest) (customer): "We lose two days a week." 6 words; by first name alone "Sam" would be ours.
     * ours 5 / 11 = 45.5%, customer 54.5%.
     */
    const text = ['Sam Rivera: What slows the forecast down?', 'Sam (Guest): We lose two days a week.'].join(
      '\n',
    );
    const result = computeListeningMetrics(parseTranscript(text).utterances, ['Sam Rivera'], classify);
    if (!result.ok) throw new Error(result.reason);
    expect(result.metrics).toMatchObject({
      words: { ours: 5, customer: 6, unknown: 0 },
      ourTalkSharePct: 45.5,
      customerSpeakers: ['Sam'],
      firstCustomerDriver: { speaker: 'Sam', sentence: 'We lose two days a week.', phrase: 'we lose' },
    });
    // Without the "(Guest)" mark, the first name alone still matches ours, as before.
    const unmarked = computeListeningMetrics(
      parseTranscript(text.replace(' (Guest)', '')).utterances,
      ['Sam Rivera'],
      classify,
    );
    expect(unmarked.ok && unmarked.metrics.words).toEqual({ ours: 11, customer: 0, unknown: 0 });
  });

  it('reads names in scripts without case and with combining accents', () => {
    const nfd = 'Jose\u0301 Garci\u0301a';
    const text = [`${nfd}: Hello.`, '李伟: 你好。', 'Мария Иванова: Добрый день.'].join('\n');
    expect(speakersOf(text)).toEqual([nfd, '李伟', 'Мария Иванова']);
  });

  it('reads headers with a separator before the time, and Rev-style "Name (00:03):"', () => {
    expect(speakersOf('Dana Ruiz - 00:03\nWe need it.\n\nSam Rivera - 00:09\nWhy?\n')).toEqual([
      'Dana Ruiz',
      'Sam Rivera',
    ]);
    const rev = parseTranscript('Dana Ruiz (00:03):\nWe need it.\n\nSam Rivera (01:02:09):\nWhy?\n');
    expect(rev.format).toBe('headed');
    expect(rev.utterances).toEqual([
      { speaker: 'Dana Ruiz', text: 'We need it.', startMs: 3000, endMs: 3_729_000 },
      { speaker: 'Sam Rivera', text: 'Why?', startMs: 3_729_000, endMs: null },
    ]);
  });

  it('an ordinary SRT subtitle line such as "Thank You" is not taken for a name line', () => {
    const srt = [
      '1',
      '00:00:01,000 --> 00:00:03,000',
      'Thank You',
      'for joining today.',
      '',
      '2',
      '00:00:03,000 --> 00:00:05,000',
      'We lose two days a week.',
      '',
    ].join('\n');
    expect(parseTranscript(srt).utterances).toEqual([
      { speaker: null, text: 'Thank You for joining today.', startMs: 1000, endMs: 3000 },
      { speaker: null, text: 'We lose two days a week.', startMs: 3000, endMs: 5000 },
    ]);
  });

  it('accepts "Speaker 1 -> Name" and "Speaker 1 is Name" as well as "=" for the mapping', () => {
    const text = [
      'Speaker 1 -> Sam Rivera',
      'Speaker 2 is Dana Ruiz',
      'Speaker 1  0:00',
      'Hi.',
      '',
      'Speaker 2  0:04',
      'Hello.',
    ];
    expect(speakersOf(text.join('\n'))).toEqual(['Sam Rivera', 'Dana Ruiz']);
    const otter = [
      'Unknown Speaker = Dana Ruiz',
      'Sam Rivera  0:00',
      'Hi.',
      '',
      'Unknown Speaker  0:04',
      'Hello.',
    ];
    expect(speakersOf(otter.join('\n'))).toEqual(['Sam Rivera', 'Dana Ruiz']);
  });
});

describe('sides and drivers', () => {
  it('a colleague with the same company as one of our named speakers is ours', () => {
    /*
     * Sam Rivera (Northwind), named as ours: "What slows the forecast down?" 5 words, 1 question.
     * Kofi Mensah (Northwind), not named: "Our scheduler would replace that spreadsheet." 6 words: ours by company.
     * Dana Ruiz (Acme Corp): "We lose two days a week." 6 words. Priya (Guest): "Agreed." 1 word.
     * ours 11 / 18 = 61.1%; the pitch is Kofi's, at 0:09; the driver Dana's, at 0:04.
     */
    const text = [
      '[00:00:00] Sam Rivera (Northwind): What slows the forecast down?',
      '[00:00:04] Dana Ruiz (Acme Corp): We lose two days a week.',
      '[00:00:09] Kofi Mensah (Northwind): Our scheduler would replace that spreadsheet.',
      '[00:00:15] Priya (Guest): Agreed.',
    ].join('\n');
    const result = computeListeningMetrics(parseTranscript(text).utterances, ['Sam Rivera'], classify);
    if (!result.ok) throw new Error(result.reason);
    expect(result.metrics).toMatchObject({
      words: { ours: 11, customer: 7, unknown: 0 },
      ourTalkSharePct: 61.1,
      ourSpeakersFound: ['Sam Rivera', 'Kofi Mensah'],
      customerSpeakers: ['Dana Ruiz', 'Priya'],
      firstProposal: expect.objectContaining({ speaker: 'Kofi Mensah', startMs: 9000 }),
      firstCustomerDriver: expect.objectContaining({ speaker: 'Dana Ruiz', startMs: 4000 }),
    });
  });

  it('a negated driver phrase is not a driver; the next real one is', () => {
    const text = [
      'Dana Ruiz (00:00:01): I don’t think we need another dashboard.',
      'Sam Rivera (00:00:06): What would help, then?',
      "Dana Ruiz (00:00:09): Honestly? We're losing a day every close.",
    ].join('\n');
    const result = computeListeningMetrics(parseTranscript(text).utterances, ['Sam Rivera'], classify);
    if (!result.ok) throw new Error(result.reason);
    expect(result.metrics.firstCustomerDriver).toEqual({
      turnIndex: 2,
      speaker: 'Dana Ruiz',
      sentence: "We're losing a day every close.",
      startMs: 9000,
      phrase: "we're losing",
    });
  });
});

describe('copied from a web viewer', () => {
  it('skips the avatar initials above each name, and keeps a real one-word answer', () => {
    const text = [
      'SR',
      'Sam Rivera  0:00',
      'What slows the forecast down?',
      'DR',
      'Dana Ruiz  0:04',
      'We lose two days a week.',
      'JG',
      'José María García-López  0:09',
      'OK',
      'SR',
      'Sam Rivera  0:12',
      'Thanks.',
    ].join('\n');
    expect(parseTranscript(text).utterances.map((u) => [u.speaker, u.text])).toEqual([
      ['Sam Rivera', 'What slows the forecast down?'],
      ['Dana Ruiz', 'We lose two days a week.'],
      // "OK" is upper case and short, but not the initials of the next name ("SR"): it is José's answer.
      ['José María García-López', 'OK'],
      ['Sam Rivera', 'Thanks.'],
    ]);
  });
});

describe('directory names and caption markers', () => {
  it('reads "Surname, First" as the person, "Name, Title" as name and role, and "So, Dana:" as no label', () => {
    const vtt = [
      'WEBVTT',
      '',
      '00:00:01.000 --> 00:00:04.000',
      '<v Rivera, Sam>What slows the forecast down?',
      '',
      '00:00:04.000 --> 00:00:08.000',
      '<v van der Berg, Jan>We lose two days a week.',
      '',
      '00:00:08.000 --> 00:00:10.000',
      '<v Dana Ruiz, VP Ops>Agreed.',
    ].join('\n');
    expect(parseTranscript(vtt).utterances.map((u) => [u.speaker, u.affiliation ?? null])).toEqual([
      ['Sam Rivera', null],
      ['Jan van der Berg', null],
      ['Dana Ruiz', 'VP Ops'],
    ]);
    // "Rivera, Sam" is our Sam Rivera: without the reorder no speaker of ours would be found.
    const result = computeListeningMetrics(parseTranscript(vtt).utterances, ['Sam Rivera'], classify);
    expect(result.ok && result.metrics.ourSpeakersFound).toEqual(['Sam Rivera']);
    expect(parseTranscript('So, Dana: we agreed.\nWell, Sam: fine.').format).toBe('unknown');
  });

  it('reads ">>" and "-" speaker marks and "[Name]" labels in caption cues, not "[Music]"', () => {
    const srt = [
      '1',
      '00:00:01,000 --> 00:00:04,000',
      '>> SAM RIVERA: What slows the forecast down?',
      '',
      '2',
      '00:00:04,000 --> 00:00:08,000',
      '- Dana Ruiz: We lose two days a week.',
      '',
      '3',
      '00:00:08,000 --> 00:00:09,000',
      '[Music] still Dana',
      '',
      '4',
      '00:00:09,000 --> 00:00:12,000',
      '[Sam Rivera] Thanks.',
    ].join('\n');
    expect(parseTranscript(srt).utterances.map((u) => [u.speaker, u.text])).toEqual([
      ['SAM RIVERA', 'What slows the forecast down?'],
      ['Dana Ruiz', 'We lose two days a week.'],
      ['Dana Ruiz', 'still Dana'],
      ['Sam Rivera', 'Thanks.'],
    ]);
  });
});
