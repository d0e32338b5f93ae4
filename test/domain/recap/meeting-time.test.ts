import { describe, expect, it } from 'vitest';
import { meetingTimeHelp, parseMeetingCommand } from '../../../src/domain/recap/meeting-time.js';
import { offsetMs, zonedTimeToInstant } from '../../../src/domain/time/zoned-time.js';
import { createChronoWhenReader } from '../../../src/nlp/chrono-when.js';

const readWhen = createChronoWhenReader();

// Thursday 2026-11-26 18:46 UTC = 19:46 in Berlin (CET, +01:00).
const NOW = new Date('2026-11-26T18:46:00Z');
const BERLIN = 'Europe/Berlin';

function ok(text: string, timeZone = BERLIN, now = NOW) {
  const result = parseMeetingCommand(text, { now, timeZone, readWhen });
  if (!result.ok) throw new Error(result.error);
  return [result.title, result.startsAt.toISOString(), result.endsAt.toISOString()];
}

function error(text: string, timeZone = BERLIN, now = NOW): string {
  const result = parseMeetingCommand(text, { now, timeZone, readWhen });
  if (result.ok) throw new Error(`expected an error for "${text}"`);
  return result.error;
}

describe('parseMeetingCommand', () => {
  it.each([
    [
      'Discovery with Acme tomorrow 15:00',
      'Discovery with Acme',
      '2026-11-27T14:00:00.000Z',
      '2026-11-27T14:45:00.000Z',
    ],
    [
      'Pricing review 2026-12-03 10:30 for 30m',
      'Pricing review',
      '2026-12-03T09:30:00.000Z',
      '2026-12-03T10:00:00.000Z',
    ],
    ['Sync at 20:30', 'Sync', '2026-11-26T19:30:00.000Z', '2026-11-26T20:15:00.000Z'],
    // 18:00 has passed today: the next 18:00 is tomorrow
    ['Sync 18:00', 'Sync', '2026-11-27T17:00:00.000Z', '2026-11-27T17:45:00.000Z'],
    ['QBR monday 14:00', 'QBR', '2026-11-30T13:00:00.000Z', '2026-11-30T13:45:00.000Z'],
    // today is Thursday and 14:00 has passed: next week
    ['QBR thursday 14:00', 'QBR', '2026-12-03T13:00:00.000Z', '2026-12-03T13:45:00.000Z'],
    ['Call Dec 3 10:30', 'Call', '2026-12-03T09:30:00.000Z', '2026-12-03T10:15:00.000Z'],
    [
      '"Top 5 priorities" in 2 hours',
      'Top 5 priorities',
      '2026-11-26T20:46:00.000Z',
      '2026-11-26T21:31:00.000Z',
    ],
    ['Kickoff 3 Jan 9:15am for 1h30m', 'Kickoff', '2027-01-03T08:15:00.000Z', '2027-01-03T09:45:00.000Z'],
    ['Exec  sync   today 11pm for 1h', 'Exec sync', '2026-11-26T22:00:00.000Z', '2026-11-26T23:00:00.000Z'],
  ])('%s', (text, title, startsAt, endsAt) => {
    expect(ok(text)).toEqual([title, startsAt, endsAt]);
  });

  it('reads wall-clock time across DST changes', () => {
    // Berlin leaves summer time on 2026-10-25 at 03:00: 15:00 that day is CET (+1), not CEST (+2).
    expect(ok('Call tomorrow 15:00', BERLIN, new Date('2026-10-24T12:00:00Z'))[1]).toBe(
      '2026-10-25T14:00:00.000Z',
    );
    expect(ok('Call today 15:00', BERLIN, new Date('2026-10-24T12:00:00Z'))[1]).toBe(
      '2026-10-24T13:00:00.000Z',
    );
    // New York repeats 01:00-02:00 on 2026-11-01: the earlier (EDT, -4) 01:30 is chosen.
    expect(ok('Call tomorrow 1:30am', 'America/New_York', new Date('2026-10-31T12:00:00Z'))[1]).toBe(
      '2026-11-01T05:30:00.000Z',
    );
    expect(ok('Call tomorrow 10:00', 'America/New_York', new Date('2026-10-31T12:00:00Z'))[1]).toBe(
      '2026-11-01T15:00:00.000Z',
    );
    // Berlin skips 02:00-03:00 on 2027-03-28: 02:30 moves forward to 03:30 CEST.
    expect(ok('Call tomorrow 2:30', BERLIN, new Date('2027-03-27T12:00:00Z'))[1]).toBe(
      '2027-03-28T01:30:00.000Z',
    );
    // A meeting spanning the change lasts its real 45 minutes.
    const [, start, end] = ok(
      'Late call tomorrow 1:30 for 45m',
      'America/New_York',
      new Date('2026-10-31T12:00:00Z'),
    );
    expect(Date.parse(end!) - Date.parse(start!)).toBe(45 * 60_000);
  });

  it('reads "tomorrow 09:00" in each user time zone', () => {
    expect(ok('Call tomorrow 09:00', 'Asia/Tokyo')[1]).toBe('2026-11-28T00:00:00.000Z'); // already Fri 03:46 there
    expect(ok('Call tomorrow 09:00', 'America/Los_Angeles')[1]).toBe('2026-11-27T17:00:00.000Z');
    expect(ok('Call tomorrow 09:00', 'Asia/Kolkata')[1]).toBe('2026-11-28T03:30:00.000Z');
    expect(ok('Call tomorrow 09:00', 'UTC')[1]).toBe('2026-11-27T09:00:00.000Z');
  });

  it('explains the accepted formats when it cannot read the command', () => {
    expect(error('Top 5 priorities')).toMatch(/could not read when.*tomorrow 15:00.*Europe\/Berlin/);
    expect(error('Standup today 9am')).toMatch(/^"today 9am" \(2026-11-26\) has already passed/);
    expect(error('Review 2026-11-01 10:00')).toMatch(/already passed/);
    expect(error('tomorrow 15:00')).toMatch(/give the meeting a title/);
    expect(error('X tomorrow 25:00')).toMatch(/could not read when/);
    expect(error('X Feb 30 10:00')).toMatch(/could not read when/);
    expect(error('X tomorrow 10:00 for 10h')).toMatch(/5 to 480 minutes/);
    expect(error('X tomorrow 10:00', 'Mars/Base')).toBe('Unknown time zone "Mars/Base".');
    expect(error(`${'A'.repeat(151)} tomorrow 10:00`)).toMatch(/at most 150 characters/);
  });
});

describe('dates as people type them (chrono-node)', () => {
  const at = (text: string, timeZone: string, locale?: string) => {
    const result = parseMeetingCommand(text, { now: NOW, timeZone, locale, readWhen });
    if (!result.ok) throw new Error(result.error);
    return [result.title, result.startsAt.toISOString()];
  };

  // NOW is Thu 2026-11-26 19:46 in Berlin, 13:46 in New York, Fri 03:46 in Tokyo, 10:46 in Los Angeles.
  it.each([
    ['Discovery 12/3 10:00', BERLIN, undefined, 'Discovery', '2026-12-03T09:00:00.000Z'],
    ['Discovery 12/3 10:00', 'America/New_York', 'en-US', 'Discovery', '2026-12-03T15:00:00.000Z'],
    ['Discovery 12/3 10:00', 'Europe/London', 'en-GB', 'Discovery', '2027-03-12T10:00:00.000Z'],
    ['Discovery 3/12 10:00', BERLIN, 'de-DE', 'Discovery', '2026-12-03T09:00:00.000Z'],
    ['Pricing call 3pm tomorrow', BERLIN, undefined, 'Pricing call', '2026-11-27T14:00:00.000Z'],
    [
      'Lunch with Dana tomorrow at noon',
      'America/New_York',
      undefined,
      'Lunch with Dana',
      '2026-11-27T17:00:00.000Z',
    ],
    ['QBR next week Tuesday 10:00', 'Asia/Tokyo', undefined, 'QBR', '2026-12-01T01:00:00.000Z'],
    ['QBR Tuesday next week 10am', BERLIN, undefined, 'QBR', '2026-12-01T09:00:00.000Z'],
    // 15:00 has passed in Berlin today: the next 15:00 is tomorrow
    ['Sync 15.00', BERLIN, undefined, 'Sync', '2026-11-27T14:00:00.000Z'],
    ['Sync 15.00', 'America/Los_Angeles', undefined, 'Sync', '2026-11-26T23:00:00.000Z'],
    ['Sync tomorrow 15.00', BERLIN, undefined, 'Sync', '2026-11-27T14:00:00.000Z'],
    [
      'Release 2.10 review tomorrow 9am',
      BERLIN,
      undefined,
      'Release 2.10 review',
      '2026-11-27T08:00:00.000Z',
    ],
    ['Call with Acme tmrw 9am', 'Asia/Tokyo', undefined, 'Call with Acme', '2026-11-28T00:00:00.000Z'],
    ['Demo monday 9am', 'America/Los_Angeles', undefined, 'Demo', '2026-11-30T17:00:00.000Z'],
  ])('%s in %s (%s)', (text, timeZone, locale, title, startsAt) => {
    expect(at(text, timeZone, locale)).toEqual([title, startsAt]);
  });

  it('never guesses a time of day or today: it says what is missing, with an example', () => {
    expect(error('QBR next week Tuesday')).toMatch(
      /^"next tuesday" has no time of day: add one, e\.g\. `next tuesday 15:00`/i,
    );
    expect(error('Demo 12/3')).toMatch(/^"12\/3" has no time of day/);
    expect(error('Demo sometime soon')).toMatch(
      /^I could not read when the meeting starts.*e\.g\. `\/vision meeting/,
    );
    expect(error('Demo tomorrow 10:00 ish')).toMatch(/^I could not read when/);
    expect(error('Demo sometime soon')).toMatch(/12\/3 is month\/day \(en-US\)\.$/);
    expect(meetingTimeHelp('Europe/London', 'en-GB')).toMatch(/12\/3 is day\/month \(en-GB\)\.$/);
  });
});

describe('zoned time', () => {
  it('computes offsets with Intl', () => {
    expect(offsetMs(Date.parse('2026-07-01T00:00:00Z'), BERLIN)).toBe(2 * 3_600_000);
    expect(offsetMs(Date.parse('2026-12-01T00:00:00Z'), 'America/New_York')).toBe(-5 * 3_600_000);
    expect(zonedTimeToInstant({ year: 2026, month: 7, day: 1 }, 12, 0, 'Asia/Kathmandu').toISOString()).toBe(
      '2026-07-01T06:15:00.000Z',
    );
  });
});
