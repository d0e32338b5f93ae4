import { slackSignatureHeaders } from '../signing.js';

/** What the app answered. `body` is parsed JSON when it is JSON, else the raw text ('' for an empty ack). */
export interface DriverResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export interface SendOptions {
  /** Default true; false sends no signature headers at all. */
  sign?: boolean;
  /** Request timestamp (seconds) to sign with and send; defaults to now. */
  timestamp?: number;
  /** Sends this signature instead of the computed one. */
  signature?: string;
  retryNum?: number;
  retryReason?: string;
  headers?: Record<string, string>;
}

export interface TransportConfig {
  signingSecret: string;
  /** The app's request URL (e.g. http://127.0.0.1:3000/slack/events). */
  appUrl: () => string | undefined;
}

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

export function formEncode(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** Interactivity payloads travel as a form with one field: payload=<json>. */
export function interactionBody(payload: unknown): string {
  return formEncode({ payload: JSON.stringify(payload) });
}

export async function send(
  config: TransportConfig,
  body: string,
  contentType: string,
  options: SendOptions = {},
): Promise<DriverResponse> {
  const url = config.appUrl();
  if (!url) throw new Error('Slack emulator driver: appUrl is not set (call setAppUrl first)');
  const headers: Record<string, string> = { 'content-type': contentType, ...options.headers };
  if (options.sign !== false) {
    Object.assign(headers, slackSignatureHeaders(config.signingSecret, body, options));
    if (options.signature !== undefined) headers['x-slack-signature'] = options.signature;
  } else if (options.timestamp !== undefined) {
    headers['x-slack-request-timestamp'] = String(options.timestamp);
  }
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  if (text.length > 0 && (response.headers.get('content-type') ?? '').includes('json')) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: response.status, body: parsed, headers: Object.fromEntries(response.headers.entries()) };
}
