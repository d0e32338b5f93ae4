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

/**
 * A mrkdwn link `<url|label>`: the URL loses what could end or split the link (`<`, `>`, `|`, whitespace) and
 * has `&` escaped as Slack requires; the label is cut to `maxLabel` and escaped.
 */
export function linkMrkdwn(url: string, label: string, maxLabel = 200): string {
  const safeUrl = url
    .replace(/[<>|\s]/g, '')
    .slice(0, 1_000)
    .replace(/&/g, '&amp;');
  return `<${safeUrl}|${escapeMrkdwn(truncate(label, maxLabel))}>`;
}

export const mentionUser = (userId: string): string => `<@${userId.replace(/[^A-Z0-9]/gi, '')}>`;
export const mentionChannel = (channelId: string): string => `<#${channelId.replace(/[^A-Z0-9]/gi, '')}>`;

/** Cut text to a length limit, on a word boundary when one is near, with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = safeCut(text.slice(0, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.8 ? cut.slice(0, space) : cut}…`;
}

/**
 * Drops what a cut left half-made at the end: the first half of an emoji (a lone surrogate, which Slack shows as
 * a broken character) or the start of an entity (`&am`: a bare `&` would let text turn back into `<`).
 */
function safeCut(cut: string): string {
  let end = cut.length;
  const last = cut.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  const amp = cut.lastIndexOf('&', end - 1);
  if (amp >= 0 && end - amp < 5 && !cut.slice(amp, end).includes(';')) end = amp;
  return cut.slice(0, end);
}
