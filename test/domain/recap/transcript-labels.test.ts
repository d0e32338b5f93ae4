import { describe, expect, it } from 'vitest';
import { createMessageClassifier } from '../../../src/domain/classifier/classify.js';
import { computeListeningMetrics } from '../../../src/domain/recap/listening-metrics.js';
import { parseTranscript } from '../../../src/domain/recap/transcript-parse.js';
import { createWinkAnalyzer } from '../../../src/nlp/wink-analyzer.js';
import { listeningMessage } from '../../../src/slack/views/recap-metrics.js';

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
