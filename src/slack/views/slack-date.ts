import { escapeMrkdwn } from './mrkdwn.js';

/**
 * Slack's date formatting, `<!date^unix^{tokens}|fallback>`: every reader sees the instant in their own Slack
 * time zone and locale; clients that cannot render it (notifications, older apps) show the fallback, escaped.
 * Only for instants: a calendar date someone named (a due date) is the same day for everyone and stays text.
 */
export type SlackDateFormat =
  | '{date_short_pretty} at {time}'
  | '{date_short_pretty}'
  | '{date_long_pretty} at {time}';

export function slackDate(instant: Date, format: SlackDateFormat, fallback: string): string {
  const unix = Math.floor(instant.getTime() / 1000);
  // Fallback ends at the closing bracket: escaping `<`, `>` and `&` keeps it one inert span.
  return `<!date^${unix}^${format}|${escapeMrkdwn(fallback)}>`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** '2026-12-07 14:05 UTC': the fallback of an instant when the reader's zone is unknown. */
export function utcMinute(instant: Date): string {
  return `${instant.getUTCFullYear()}-${pad(instant.getUTCMonth() + 1)}-${pad(instant.getUTCDate())} ${pad(instant.getUTCHours())}:${pad(instant.getUTCMinutes())} UTC`;
}

/** An instant as "Dec 7 at 2:05 PM" in each reader's zone; fallback '2026-12-07 14:05 UTC'. */
export const slackDateTime = (instant: Date): string =>
  slackDate(instant, '{date_short_pretty} at {time}', utcMinute(instant));

/** An instant's day as "Dec 7" / "yesterday" in each reader's zone; fallback '2026-12-07' (UTC). */
export const slackDay = (instant: Date): string =>
  slackDate(instant, '{date_short_pretty}', utcMinute(instant).slice(0, 10));
