import type http from 'node:http';
import querystring from 'node:querystring';
import { HTTPModuleFunctions, isRawBodyError } from '@slack/bolt';
import type { AppLogger } from '../logger.js';

export type BodyVerdict = { ok: true } | { ok: false; status: 400 | 413; reason: string };

/** Slack only ever sends an object: a form, a form whose `payload` is a JSON object, or a JSON object. */
export function checkSlackBodyShape(raw: Buffer, contentType: string | undefined): BodyVerdict {
  // Bolt's own rule (HTTPModuleFunctions.parseHTTPRequestBody), so the verdict matches what Bolt hands on: a form
  // is parsed as a query string and its `payload`, when there is one, as JSON; anything else is parsed as JSON.
  let json: string;
  if (contentType === 'application/x-www-form-urlencoded') {
    // A slash command has no `payload` field: no need to parse the form here (Bolt parses it twice already).
    const form = raw.toString('latin1');
    if (!MAY_HAVE_PAYLOAD_KEY.test(form)) return { ok: true };
    const { payload } = querystring.parse(raw.toString());
    if (typeof payload !== 'string') return { ok: true };
    json = payload;
  } else {
    json = raw.toString();
  }
  // JSON text that starts with `{` is an object or does not parse at all: no need to parse it here (it can be a
  // large view state); Bolt parses it once and answers 400 or 401 when it does not.
  if (startsWithBrace(json)) return { ok: true };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    // Unparseable bodies stay with Bolt: it answers 401 when unsigned and 400 when signed but malformed.
    return { ok: true };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, status: 400, reason: `body is ${describe(parsed)}, not an object` };
  }
  return { ok: true };
}

/**
 * Every raw form key that decodes to `payload` (each letter as itself or %-encoded, hex in either case) followed by
 * `=`; a match is then parsed exactly. A key with no `=` has an empty value, which never refuses a body.
 */
const MAY_HAVE_PAYLOAD_KEY = /(?:^|&)(?:p|%70)(?:a|%61)(?:y|%79)(?:l|%6c)(?:o|%6f)(?:a|%61)(?:d|%64)=/i;

/** Whether the first character after JSON whitespace (space, tab, line feed, carriage return) is `{`. */
function startsWithBrace(json: string): boolean {
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    return c === 0x7b;
  }
  return false;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/**
 * Reads the body (up to Bolt's limit), leaves it on the request where Bolt's receiver reuses it, and answers 400
 * itself when the body is not an object: Bolt 5 reads `ssl_check` of whatever it parsed and throws on null.
 */
export async function guardSlackBody(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  logger: AppLogger,
  bodyLimit: number = HTTPModuleFunctions.defaultBodyLimit,
): Promise<boolean> {
  try {
    const buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, bodyLimit);
    const verdict = checkSlackBodyShape(buffered.rawBody, req.headers['content-type']);
    if (verdict.ok) return true;
    logger.warn(`refused a Slack request: ${verdict.reason}`);
    res.writeHead(verdict.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'invalid_body' }));
    return false;
  } catch (error) {
    const tooLarge = isRawBodyError(error) && (error.type === 'entity.too.large' || error.statusCode === 413);
    logger.warn(`refused a Slack request: ${tooLarge ? 'body too large' : 'body could not be read'}`);
    if (!res.headersSent) res.writeHead(tooLarge ? 413 : 400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: tooLarge ? 'body_too_large' : 'invalid_body' }));
    return false;
  }
}
