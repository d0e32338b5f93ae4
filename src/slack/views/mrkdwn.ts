/**
 * Escape text from users or the LLM before it goes into a mrkdwn field.
 * Slack only treats `<...>` sequences as mentions, links and special commands (`<!channel>`, `<@U123>`,
 * `<https://x|y>`), so escaping `&`, `<` and `>` makes any such text inert.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escape and format as a block quote, line by line. */
export function quoteMrkdwn(text: string): string {
  return escapeMrkdwn(text)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

export const mentionUser = (userId: string): string => `<@${userId.replace(/[^A-Z0-9]/gi, '')}>`;
export const mentionChannel = (channelId: string): string => `<#${channelId.replace(/[^A-Z0-9]/gi, '')}>`;

/** Cut text to a length limit, on a word boundary when one is near, with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.8 ? cut.slice(0, space) : cut}…`;
}
