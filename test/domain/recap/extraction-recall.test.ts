import { describe, expect, it } from 'vitest';
import { extractFromNotes, extractFromTranscript } from '../../../src/domain/recap/notes-extractor.js';
import { MAX_QUOTE_WORDS, quoteAround } from '../../../src/domain/recap/quote-cut.js';
import { quantifiedImpact } from '../../../src/domain/recap/recall-cues.js';
import { parseTranscript } from '../../../src/domain/recap/transcript-parse.js';
import { findStemmedPhrase } from '../../../src/domain/recap/word-stems.js';

const MEETING_DATE = '2026-11-30'; // a Monday
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

// A discovery call with a logistics buyer, as a Zoom-style plain transcript (written for this test).
const TRANSCRIPT = parseTranscript(
  [
    'Riley Chen: Thanks for making time, Marta. What made you take this call now?',
    "Marta Okafor: Honestly, the returns backlog. Our agents spend two days a week re-keying RMAs by hand, and about 30% of tickets are people chasing a refund. When a refund goes out late it's my team that takes the blame, not the warehouse.",
    'Riley Chen: How do purchases like this usually get approved on your side?',
    "Marta Okafor: Anything over fifty thousand goes to the board and the board signs off in their January meeting. Procurement needs three quotes before they'll even open a PO. We'll decide by Q1 after a pilot in the Leeds warehouse.",
    "Marta Okafor: So look, I've been here eleven years and I've watched three of these projects, the portal, the chatbot, the outsourced desk, all of them were sold to us as the fix and every single one of them landed on my desk as more work for my people while the vendor moved on to the next logo and nobody upstairs remembered who had pushed for it in the first place, and I am worried we end up there again. Legal will want to see the data processing terms as well.",
    "Riley Chen: That's fair. Who else should we hear from?",
    "Marta Okafor: Returns cost us roughly a fifth of our online margin, so finance will care, but they won't join these calls.",
  ].join('\n'),
);

describe('offline extraction recall on a realistic discovery call', () => {
  const extraction = extractFromTranscript(TRANSCRIPT.utterances, {
    meetingDate: MEETING_DATE,
    ourSpeakers: ['Riley Chen'],
  });

  it('reads phrase variants by stem: "takes the blame" is a risk', () => {
    const risk = extraction.entries.find((e) => e.kind === 'risk' && e.statement.includes('takes the blame'));
    expect(risk?.cue).toBe('take the blame');
    expect(risk?.speaker).toBe('Marta Okafor');
  });

  it('proposes quantified impact as drivers, with the quantity as the cue', () => {
    const drivers = extraction.entries.filter((e) => e.kind === 'driver').map((e) => [e.statement, e.cue]);
    expect(drivers).toEqual(
      expect.arrayContaining([
        [
          'Our agents spend two days a week re-keying RMAs by hand, and about 30% of tickets are people chasing a refund.',
          'quantified impact: 30%',
        ],
        [
          "Returns cost us roughly a fifth of our online margin, so finance will care, but they won't join these calls.",
          'cost us',
        ],
      ]),
    );
  });

  it('proposes how they decide as decisions, with "by Q1" as the end of the quarter', () => {
    expect(extraction.decisions).toEqual([
      {
        title:
          'Anything over fifty thousand goes to the board and the board signs off in their January meeting',
        ownerName: null,
        dueDate: null,
      },
      {
        title: "Procurement needs three quotes before they'll even open a PO",
        ownerName: null,
        dueDate: null,
      },
      { title: "We'll decide after a pilot in the Leeds warehouse", ownerName: null, dueDate: '2027-03-31' },
    ]);
  });

  it('proposes the people mentioned but never heard from as stakeholders', () => {
    expect(extraction.stakeholders?.map((s) => s.name)).toEqual([
      'the board',
      'procurement',
      'legal',
      'finance',
    ]);
    expect(extraction.stakeholders?.[2]?.mention).toBe(
      'Legal will want to see the data processing terms as well.',
    );
  });

  it('cuts a monologue to the sentence that carries the point (at most 40 words)', () => {
    for (const entry of extraction.entries)
      expect(wordCount(entry.quote ?? '')).toBeLessThanOrEqual(MAX_QUOTE_WORDS);
    const worried = extraction.entries.find((e) => e.kind === 'risk' && e.cue === 'worried');
    expect(worried?.quote).toBe('and I am worried we end up there again.');
    expect(worried?.statement).toBe('and I am worried we end up there again.');
    const blame = extraction.entries.find((e) => e.cue === 'take the blame');
    expect(blame?.quote).toBe(
      "When a refund goes out late it's my team that takes the blame, not the warehouse.",
    );
  });
});

describe('offline extraction recall on rep notes', () => {
  const NOTES = [
    'Globex follow-up w/ Priya + Tom (ops)',
    '- Priya: "we lose a fifth of our revenue every quarter to churn after the first renewal"',
    '- Tom said "if this slips again, he takes the blame with the COO"',
    '- CFO signs off on anything above 100k, procurement runs a 3-vendor RFP',
    '- they want a quick call next week',
    '- Priya: "security review took us four months last time, and I can tell you that nobody here wants to go through that again because it froze every other project we had in flight, including two that the regional teams had been promised since spring, and the ops people still bring it up"',
  ].join('\n');
  const extraction = extractFromNotes(NOTES, { meetingDate: MEETING_DATE });

  it('finds variants, quantities, decision process and silent stakeholders', () => {
    expect(extraction.entries.map((e) => [e.kind, e.cue, e.speaker])).toEqual([
      ['driver', 'we lose', 'Priya'],
      ['risk', 'take the blame', 'Tom'],
      ['driver', 'quantified impact: took us four months', 'Priya'],
      // Named but never heard from: proposals to confirm, quoting the line that names them.
      ['constraint', 'mentioned, never heard from: procurement', null],
      ['constraint', 'mentioned, never heard from: the CFO', null],
    ]);
    expect(extraction.decisions.map((d) => d.title)).toEqual([
      'CFO signs off on anything above 100k, procurement runs a 3-vendor RFP',
    ]);
    expect(extraction.stakeholders).toEqual([
      {
        name: 'procurement',
        mention: 'CFO signs off on anything above 100k, procurement runs a 3-vendor RFP',
      },
      { name: 'the CFO', mention: 'CFO signs off on anything above 100k, procurement runs a 3-vendor RFP' },
    ]);
    const long = extraction.entries[2]!;
    expect(wordCount(long.quote!)).toBeLessThanOrEqual(MAX_QUOTE_WORDS);
    expect(long.quote).toBe('security review took us four months last time');
  });

  it('does not turn a plain follow-up line into a decision', () => {
    expect(extraction.decisions.some((d) => d.title.includes('quick call'))).toBe(false);
  });
});

describe('the recall cues', () => {
  it.each([
    ['we lose a fifth of our revenue to churn', 'a fifth of our'],
    ['about 30% of tickets are refund chasers', '30%'],
    ['my two analysts lose two days a week on this', 'two days a week'],
    ['it costs us $1.2m a year', '$1.2m'],
    ['security review took us four months last time', 'took us four months'],
    ['we met three people at the expo', null],
    ['version 2.10 shipped', null],
  ])('%s -> %s', (text, impact) => {
    expect(quantifiedImpact(text)).toBe(impact);
  });

  it('matches phrases by stem, not substrings', () => {
    expect(findStemmedPhrase('She took the blame for it', ['take the blame'])).toBe('take the blame');
    expect(findStemmedPhrase("We're worried about the rollout", ['worried'])).toBe('worried');
    expect(findStemmedPhrase('the blameless postmortem', ['take the blame'])).toBeNull();
  });

  it('keeps short quotes whole and cuts long ones to a verbatim piece', () => {
    expect(quoteAround('Short and sweet.', 'Short and sweet.')).toBe('Short and sweet.');
    const long = `${'word '.repeat(60)}the point is here.`;
    const cut = quoteAround(long, 'the point is here.');
    expect(long).toContain(cut);
    expect(wordCount(cut)).toBeLessThanOrEqual(MAX_QUOTE_WORDS);
  });
});
