import type { DueDateReader, DueReading } from '../domain/recap/due-reader.js';
import { chronoParsers } from './chrono-when.js';

/**
 * Due dates typed in recap notes and transcripts ("by Friday", "next Tuesday", "12/3", "end of month", "in two
 * weeks"), read by chrono-node relative to the meeting day. The meeting day is the rep's local date (the recap
 * form's date, in their Slack zone), so chrono gets a reference whose local fields are that day at noon and its
 * answer is read back as fields: the same whatever TZ the server runs in.
 */
export function createChronoDueDateReader(): DueDateReader {
  return (text, from, order) => {
    const reference = new Date(from.year, from.month - 1, from.day, 12, 0, 0);
    return chronoParsers()
      [order].parse(text, reference, { forwardDate: true })
      .map((result): DueReading => {
        const start = result.start;
        const weekday = start.isCertain('weekday');
        const day = start.isCertain('day');
        return {
          index: result.index,
          text: result.text,
          date: {
            year: start.get('year') ?? from.year,
            month: start.get('month') ?? 1,
            day: start.get('day') ?? 1,
          },
          dayKnown: day || weekday,
          weekdayOnly: weekday && !day,
        };
      });
  };
}
