import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFromNotes, extractFromTranscript } from '../../../src/domain/recap/notes-extractor.js';
import { parseTranscript } from '../../../src/domain/recap/transcript-parse.js';
import { UNHEARD_CUE } from '../../../src/domain/recap/unheard.js';

const fixture = readFileSync(
  new URL('../../fixtures/transcripts/unheard-stakeholders.vtt', import.meta.url),
  'utf8',
);
const isUnheard = (cue: string | null) => cue?.startsWith(UNHEARD_CUE) ?? false;

describe('people mentioned but never heard from become proposals to confirm (transcript fixture)', () => {
  const transcript = parseTranscript(fixture);
  const extraction = extractFromTranscript(transcript.utterances, {
    meetingDate: '2026-11-30',
    ourSpeakers: ['Riley Chen'],
  });
  const unheard = extraction.entries.filter((e) => isUnheard(e.cue));

  it('proposes the CFO and the board as constraints, each quoting the sentence that names them', () => {
    expect(transcript.format).toBe('vtt');
    expect(unheard).toEqual([
      {
        kind: 'constraint',
        statement: 'The CFO has a say but was not heard from',
        quote: 'But their CFO, sorry, our CFO killed the last project like this one in a single meeting.',
        speaker: 'Dana Ruiz',
        confidence: 'quoted',
        constraintCategory: 'other',
        cue: `${UNHEARD_CUE}the CFO`,
      },
      {
        kind: 'constraint',
        statement: 'The board has a say but was not heard from',
        quote:
          'Anything over fifty thousand goes to the board in January, and procurement will want three quotes.',
        speaker: 'Dana Ruiz',
        confidence: 'quoted',
        constraintCategory: 'other',
        cue: `${UNHEARD_CUE}the board`,
      },
    ]);
  });

  it('skips a group that spoke, one only our side named, and a sentence already proposed', () => {
    const cues = unheard.map((e) => e.cue);
    expect(cues).not.toContain(`${UNHEARD_CUE}procurement`);
    expect(cues).not.toContain(`${UNHEARD_CUE}the steering committee`);
    expect(cues).not.toContain(`${UNHEARD_CUE}legal`);
    expect(extraction.entries.filter((e) => e.quote?.includes('Legal is worried'))).toHaveLength(1);
    // The notice still names everyone never heard from.
    expect(extraction.stakeholders?.map((s) => s.name)).toEqual([
      'the steering committee',
      'the CFO',
      'the board',
      'legal',
    ]);
  });
});

describe('unheard groups in rep notes', () => {
  it('a group named with risk words is a risk; the quote is the words, not the "Name:" label', () => {
    const extraction = extractFromNotes(
      [
        '- their CFO is worried this turns into shelfware',
        '- Dana Lee: the board asks every week about delays',
      ].join('\n'),
      { meetingDate: '2026-11-30' },
    );
    expect(extraction.entries.filter((e) => isUnheard(e.cue))).toEqual([
      {
        kind: 'risk',
        statement: 'The CFO has a say but was not heard from',
        quote: 'their CFO is worried this turns into shelfware',
        speaker: null,
        confidence: 'quoted',
        constraintCategory: null,
        cue: `${UNHEARD_CUE}the CFO`,
      },
      {
        kind: 'constraint',
        statement: 'The board has a say but was not heard from',
        quote: 'the board asks every week about delays',
        speaker: 'Dana Lee',
        confidence: 'quoted',
        constraintCategory: 'other',
        cue: `${UNHEARD_CUE}the board`,
      },
    ]);
  });
});
