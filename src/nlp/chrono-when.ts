import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';
import type { DateOrder, WhenReader, WhenReading } from '../domain/time/when-reader.js';

let parsers: Record<DateOrder, Chrono.Chrono> | null = null;

/** chrono-node (~12 MB in memory) is loaded with the first date someone types, not at start. */
export function chronoParsers(): Record<DateOrder, Chrono.Chrono> {
  if (parsers) return parsers;
  const chrono = createRequire(import.meta.url)('chrono-node') as typeof Chrono;
  parsers = { 'month-first': chrono.en.casual, 'day-first': chrono.en.GB };
  return parsers;
}

/**
 * The date reader behind `/vision meeting` and other typed dates: chrono-node's English parser (casual, so
 * "tmrw", "noon" and "next Tuesday" read), month/day or day/month by the user's locale.
 *
 * chrono computes relative dates in the process's own time zone, so it gets a reference Date whose local
 * fields equal the user's wall clock and its answer is read back as fields; src/domain/time turns those into
 * an instant in the user's IANA zone. The result is the same whatever TZ the server runs in.
 */
export function createChronoWhenReader(): WhenReader {
  return (text, now, order) => {
    const reference = new Date(now.year, now.month - 1, now.day, now.hour, now.minute, now.second);
    const results = chronoParsers()[order].parse(text, reference, { forwardDate: true });
    return results.map((result): WhenReading => {
      const start = result.start;
      return {
        index: result.index,
        text: result.text,
        date: {
          year: start.get('year') ?? now.year,
          month: start.get('month') ?? 1,
          day: start.get('day') ?? 1,
        },
        hour: start.get('hour') ?? 0,
        minute: start.get('minute') ?? 0,
        hasTime: start.isCertain('hour'),
      };
    });
  };
}
