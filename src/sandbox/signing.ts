import { createHmac } from 'node:crypto';

/** Slack request signing, version v0: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>`. */
export function computeSlackSignature(signingSecret: string, timestampSeconds: number, body: string): string {
  const base = `v0:${timestampSeconds}:${body}`;
  return `v0=${createHmac('sha256', signingSecret).update(base).digest('hex')}`;
}

export interface SignOptions {
  /** Seconds since epoch; defaults to now. */
  timestamp?: number;
  /** Set on Events API redeliveries. */
  retryNum?: number;
  retryReason?: string;
}

/** Headers Slack sends with a signed request. */
export function slackSignatureHeaders(
  signingSecret: string,
  body: string,
  options: SignOptions = {},
): Record<string, string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': computeSlackSignature(signingSecret, timestamp, body),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = options.retryReason ?? 'http_timeout';
  }
  return headers;
}
