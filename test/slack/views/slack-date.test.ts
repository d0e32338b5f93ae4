import { describe, expect, it } from 'vitest';
import { slackDate, slackDateTime, slackDay } from '../../../src/slack/views/slack-date.js';

describe("Slack's <!date> formatting", () => {
  const at = new Date('2026-12-07T14:05:30Z');

  it('carries the unix seconds, the tokens and a readable fallback in UTC', () => {
    expect(slackDateTime(at)).toBe('<!date^1796652330^{date_short_pretty} at {time}|2026-12-07 14:05 UTC>');
    expect(slackDay(at)).toBe('<!date^1796652330^{date_short_pretty}|2026-12-07>');
  });

  it('escapes the fallback so it cannot close the token early, ping or link', () => {
    const made = slackDate(at, '{date_short_pretty}', 'Mon <!channel> & <https://x|y>');
    expect(made).toBe(
      '<!date^1796652330^{date_short_pretty}|Mon &lt;!channel&gt; &amp; &lt;https://x|y&gt;>',
    );
    expect(made.indexOf('>')).toBe(made.length - 1);
  });
});
