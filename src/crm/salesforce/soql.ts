/** Escapes text for a SOQL LIKE literal: quotes and backslashes, and the LIKE wildcards % and _. */
export function soqlLike(text: string): string {
  return text.slice(0, 80).replace(/[\\'%_]/g, (c) => `\\${c}`);
}

/** HTTP-date for If-Unmodified-Since (second precision, as Salesforce compares). */
export function toHttpDate(iso: string): string {
  return new Date(iso).toUTCString();
}

/** Escapes text for a SOQL string literal (= comparison): quotes and backslashes. */
export function soqlString(text: string): string {
  return text.slice(0, 254).replace(/[\\']/g, (c) => `\\${c}`);
}
