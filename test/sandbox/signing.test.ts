import { createHmac } from 'node:crypto';
import { isValidSlackRequest, verifySlackRequest } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { computeSlackSignature, slackSignatureHeaders } from '../../src/sandbox/index.js';

describe('request signing', () => {
  const secret = '8f742231b10e8888abcd99yyyzzz85a5';
  const body = 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&command=%2Fvision&text=log';

  it('computes v0= + hex HMAC-SHA256 of v0:timestamp:body', () => {
    const expected = createHmac('sha256', secret).update(`v0:1531420618:${body}`).digest('hex');
    expect(computeSlackSignature(secret, 1531420618, body)).toBe(`v0=${expected}`);
  });

  it('produces headers that Bolt verifies, and that fail with another secret or body', () => {
    const headers = slackSignatureHeaders(secret, body);
    const boltHeaders = {
      'x-slack-signature': headers['x-slack-signature']!,
      'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']),
    };
    expect(() => verifySlackRequest({ signingSecret: secret, body, headers: boltHeaders })).not.toThrow();
    expect(isValidSlackRequest({ signingSecret: 'other', body, headers: boltHeaders })).toBe(false);
    expect(isValidSlackRequest({ signingSecret: secret, body: `${body}x`, headers: boltHeaders })).toBe(
      false,
    );
  });

  it('a stale timestamp is rejected by Bolt', () => {
    const old = Math.floor(Date.now() / 1000) - 10 * 60;
    const headers = slackSignatureHeaders(secret, body, { timestamp: old });
    const boltHeaders = {
      'x-slack-signature': headers['x-slack-signature']!,
      'x-slack-request-timestamp': old,
    };
    expect(isValidSlackRequest({ signingSecret: secret, body, headers: boltHeaders })).toBe(false);
  });

  it('adds retry headers for Events API redeliveries', () => {
    const headers = slackSignatureHeaders(secret, body, { retryNum: 2, retryReason: 'http_error' });
    expect(headers['x-slack-retry-num']).toBe('2');
    expect(headers['x-slack-retry-reason']).toBe('http_error');
  });
});
