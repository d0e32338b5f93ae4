import { describe, expect, it } from 'vitest';
import { findDueDate, parseDecisionText } from '../../../src/domain/recap/decision-parse.js';
import type { DueDateOptions } from '../../../src/domain/recap/due-reader.js';
import { extractFromNotes, extractFromTranscript } from '../../../src/domain/recap/notes-extractor.js';
import { parseTranscript } from '../../../src/domain/recap/transcript-parse.js';
import { createChronoDueDateReader } from '../../../src/nlp/chrono-due.js';

const read = createChronoDueDateReader();
const US: DueDateOptions = { read, order: 'month-first' };
const UK: DueDateOptions = { read, order: 'day-first' };
const MONDAY = '2026-11-30';

describe('due dates typed in recap decisions (chrono-node, relative to the meeting day)', () => {
  it.each([
    [
      'Dana to send the security questionnaire by Friday',
      '2026-12-04',
      'Dana to send the security questionnaire',
    ],
    ['pick the pilot region next Tuesday', '2026-12-08', 'pick the pilot region'],
    ['sign the order form by 12/3', '2026-12-03', 'sign the order form'],
    ['budget sign-off by end of month', '2026-11-30', 'budget sign-off'],
    ['legal review by the end of next month', '2026-12-31', 'legal review'],
    ['go/no-go in two weeks', '2026-12-14', 'go/no-go'],
    ['security questionnaire back EOW', '2026-12-04', 'security questionnaire back'],
    ['reference call by end of next week', '2026-12-11', 'reference call'],
    ['choose carrier by Dec 15', '2026-12-15', 'choose carrier'],
    ['renewal decision due tomorrow', '2026-12-01', 'renewal decision'],
    ['decide after a pilot, by Q1', '2027-03-31', 'decide after a pilot'],
  ])('"%s" -> %s', (text, dueDate, title) => {
    expect(parseDecisionText(text, MONDAY, US)).toEqual({ title, ownerName: null, dueDate });
  });

  it('reads 12/3 in the rep’s order: 3 December in the US, 12 March in the UK', () => {
    expect(findDueDate('sign by 12/3', MONDAY, US)?.dueDate).toBe('2026-12-03');
    expect(findDueDate('sign by 12/3', MONDAY, UK)?.dueDate).toBe('2027-03-12');
  });

  it('"by Friday" said on a Friday is the next one; the end of the month is that of the meeting', () => {
    expect(findDueDate('send the SOW by Friday', '2026-12-04', US)?.dueDate).toBe('2026-12-11');
    expect(findDueDate('send the SOW by end of month', '2026-02-10', US)?.dueDate).toBe('2026-02-28');
  });

  it('a month alone, a count of days, or a date that is not a deadline is not a due date', () => {
    for (const text of [
      'Anything over fifty thousand goes to the board in January',
      'Our agents lose two days a week to it',
      'we met Friday to talk about it',
      'three quotes before they open a PO',
    ]) {
      expect(findDueDate(text, MONDAY, US), text).toBeNull();
    }
  });

  it('keeps the owner and reads the date in a Decision: line of notes', () => {
    const notes = [
      'Decision: security questionnaire by next Tuesday (Dana)',
      '- they want a quick call',
    ].join('\n');
    expect(extractFromNotes(notes, { meetingDate: MONDAY, due: US }).decisions).toEqual([
      { title: 'security questionnaire', ownerName: 'Dana', dueDate: '2026-12-08' },
    ]);
  });

  it('reads the due date in a customer sentence about how they decide', () => {
    const transcript = parseTranscript(
      ['Riley: When would you decide?', "Dana: We'll decide after the pilot, no later than 12/18."].join(
        '\n',
      ),
    );
    const extraction = extractFromTranscript(transcript.utterances, {
      meetingDate: MONDAY,
      ourSpeakers: ['Riley'],
      due: US,
    });
    expect(extraction.decisions).toEqual([
      { title: "We'll decide after the pilot", ownerName: null, dueDate: '2026-12-18' },
    ]);
  });

  it('proposes a named customer commitment with a deadline as a decision with that owner (not ours, not undated)', () => {
    const notes = [
      '- Dana to send the security questionnaire by Friday',
      '- Tom Baker will confirm the pilot scope next Tuesday',
      '- Riley to send pricing by Friday',
      '- Dana to think about it',
      '- they want a quick call next week',
    ].join('\n');
    expect(
      extractFromNotes(notes, { meetingDate: MONDAY, ourSpeakers: ['Riley'], due: US }).decisions,
    ).toEqual([
      { title: 'Dana to send the security questionnaire', ownerName: 'Dana', dueDate: '2026-12-04' },
      { title: 'Tom Baker will confirm the pilot scope', ownerName: 'Tom Baker', dueDate: '2026-12-08' },
    ]);
  });
});
