import { describe, expect, it } from 'vitest';
import { inferConstraintCategory } from '../../../src/domain/recap/constraint-category.js';
import { parseDecisionText } from '../../../src/domain/recap/decision-parse.js';
import { extractFromNotes, extractFromTranscript } from '../../../src/domain/recap/notes-extractor.js';
import { parseTranscript } from '../../../src/domain/recap/transcript-parse.js';
import type { ProposedEntry } from '../../../src/domain/recap/types.js';

const MEETING_DATE = '2026-11-26'; // a Thursday

function explicit(
  kind: ProposedEntry['kind'],
  statement: string,
  cue: string,
  extra: Partial<ProposedEntry> = {},
) {
  return {
    kind,
    statement,
    quote: null,
    speaker: null,
    confidence: 'explicit',
    cue,
    constraintCategory: null,
    ...extra,
  };
}
function quoted(kind: ProposedEntry['kind'], quote: string, speaker: string, cue: string | null, extra = {}) {
  return {
    kind,
    statement: quote,
    quote,
    speaker,
    confidence: 'quoted',
    cue,
    constraintCategory: null,
    ...extra,
  };
}

const NOTES = [
  'Call with Acme, Thu',
  '- Driver: "we lose three days on every cross-border shipment" (Dana Lee)',
  '* initiative: consolidate carriers in 2027',
  'CSF: 95% on-time delivery by Q3',
  'Success factor: fewer customs holds',
  'Constraint: no new spend before the March freeze',
  'Constraint: GDPR review for any new vendor',
  'constraint: IT team is fully booked until February',
  'Constraint: must integrate with SAP system',
  'Constraint: only two weeks of pilot time',
  'Risk: if this fails, Dana takes the blame',
  'Decision: pick a pilot region by Dec 15 (Dana Lee)',
  'Decision: security sign-off by Friday - owner: Priya Shah',
  'Decision: Pick a pilot region by Dec 15',
  'We proposed: start with the routing module',
  'Priya said "legal will not approve a new vendor this year"',
  'Dana Lee: “the board is asking every week about delays”',
  'Sam: "we can start with a two-week pilot"',
  'Sam: "happy to help out"',
  'They called it "the" thing and "a real nightmare honestly" (Tom)',
  'Driver: We lose three days on every cross-border shipment!',
  'Note: at 10:30 we broke for coffee',
].join('\r\n');

describe('extractFromNotes', () => {
  it('proposes entries and decisions from markers and quotes, deduplicated, in order', () => {
    const result = extractFromNotes(NOTES, { meetingDate: MEETING_DATE, ourSpeakers: ['Sam Rivera'] });
    expect(result.entries).toEqual([
      explicit('driver', 'we lose three days on every cross-border shipment', 'Driver:', {
        quote: 'we lose three days on every cross-border shipment',
        speaker: 'Dana Lee',
      }),
      explicit('initiative', 'consolidate carriers in 2027', 'initiative:'),
      explicit('success_factor', '95% on-time delivery by Q3', 'CSF:'),
      explicit('success_factor', 'fewer customs holds', 'Success factor:'),
      explicit('constraint', 'no new spend before the March freeze', 'Constraint:', {
        constraintCategory: 'budget',
      }),
      explicit('constraint', 'GDPR review for any new vendor', 'Constraint:', {
        constraintCategory: 'policy_legal',
      }),
      explicit('constraint', 'IT team is fully booked until February', 'constraint:', {
        constraintCategory: 'resources',
      }),
      explicit('constraint', 'must integrate with SAP system', 'Constraint:', {
        constraintCategory: 'technical',
      }),
      explicit('constraint', 'only two weeks of pilot time', 'Constraint:', { constraintCategory: 'other' }),
      explicit('risk', 'if this fails, Dana takes the blame', 'Risk:'),
      explicit('proposal', 'start with the routing module', 'We proposed:'),
      quoted('constraint', 'legal will not approve a new vendor this year', 'Priya', 'legal', {
        constraintCategory: 'policy_legal',
      }),
      // no keyword rule matches: default kind, cue null so the UI flags it
      quoted('driver', 'the board is asking every week about delays', 'Dana Lee', null),
      // "Sam" is ours by first name; proposal language makes it a proposal, "happy to help out" is skipped
      quoted('proposal', 'we can start with a two-week pilot', 'Sam', 'we can'),
      // "the" is under 3 words and ignored
      quoted('driver', 'a real nightmare honestly', 'Tom', null),
    ]);
    expect(result.decisions).toEqual([
      { title: 'pick a pilot region', ownerName: 'Dana Lee', dueDate: '2026-12-15' },
      { title: 'security sign-off', ownerName: 'Priya Shah', dueDate: '2026-11-27' },
    ]);
  });

  it('proposes nothing from notes without markers or quotes', () => {
    expect(
      extractFromNotes('They want a pilot.\nFollow up next week.', { meetingDate: MEETING_DATE }),
    ).toEqual({
      entries: [],
      decisions: [],
    });
  });
});

describe('extractFromTranscript', () => {
  it('proposes customer sentences with their utterance as quote; our lines only via markers', () => {
    const transcript = parseTranscript(
      [
        'WEBVTT',
        '',
        '00:00.000 --> 00:05.000',
        '<v Sam Rivera>We can help. What is the goal? We need to know.',
        '',
        '00:05.000 --> 00:20.000',
        '<v Dana Lee>The goal is faster customs. But we cannot spend before March. We will decide on a region by Dec 15.',
        '',
        '00:20.000 --> 00:25.000',
        '<v Dana Lee>Honestly I am worried about the rollout. Nice weather today.',
        '',
        '00:25.000 --> 00:30.000',
        '<v Sam Rivera>Decision: Dana to confirm budget by Friday',
      ].join('\n'),
    );
    const long =
      'The goal is faster customs. But we cannot spend before March. We will decide on a region by Dec 15.';
    const result = extractFromTranscript(transcript.utterances, {
      meetingDate: MEETING_DATE,
      ourSpeakers: ['Sam'],
    });
    expect(result.entries).toEqual([
      { ...quoted('driver', long, 'Dana Lee', 'the goal is'), statement: 'The goal is faster customs.' },
      {
        ...quoted('constraint', long, 'Dana Lee', 'we cannot', { constraintCategory: 'budget' }),
        statement: 'But we cannot spend before March.',
      },
      {
        ...quoted(
          'risk',
          'Honestly I am worried about the rollout. Nice weather today.',
          'Dana Lee',
          'worried',
        ),
        statement: 'Honestly I am worried about the rollout.',
      },
    ]);
    expect(result.decisions).toEqual([
      { title: 'We will decide on a region', ownerName: null, dueDate: '2026-12-15' },
      { title: 'Dana to confirm budget', ownerName: null, dueDate: '2026-11-27' },
    ]);
  });
});

describe('decision and constraint rules', () => {
  it.each([
    [
      'choose carrier by 2026-12-15 - Sam Lee',
      { title: 'choose carrier', ownerName: 'Sam Lee', dueDate: '2026-12-15' },
    ],
    ['renewal by Jan 10', { title: 'renewal', ownerName: null, dueDate: '2027-01-10' }],
    [
      'go/no-go by 3rd March 2027, owner: Lee',
      { title: 'go/no-go', ownerName: 'Lee', dueDate: '2027-03-03' },
    ],
    ['pilot scope by Thursday', { title: 'pilot scope', ownerName: null, dueDate: '2026-12-03' }],
    ['budget - cost down', { title: 'budget - cost down', ownerName: null, dueDate: null }],
    ['x by Feb 30', { title: 'x by Feb 30', ownerName: null, dueDate: null }],
    ['sign by 12/15 (Ana)', { title: 'sign by 12/15', ownerName: 'Ana', dueDate: null }],
  ])('parseDecisionText(%s)', (text, expected) => {
    expect(parseDecisionText(text, MEETING_DATE)).toEqual(expected);
  });

  it('infers constraint categories in rule order', () => {
    expect(inferConstraintCategory('cap of $50k')).toBe('budget');
    expect(inferConstraintCategory('nothing before Q2')).toBe('timing');
    expect(inferConstraintCategory('no API access for vendors')).toBe('technical');
    expect(inferConstraintCategory('the CEO is skeptical')).toBe('other');
  });
});
