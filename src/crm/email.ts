/** Enough of an address to look a CRM user up by (Slack gives verified emails; this only keeps junk out). */
export function looksLikeEmail(text: string): boolean {
  const at = text.indexOf('@');
  return at > 0 && at < text.length - 1 && text.length <= 254 && !/\s/.test(text);
}
