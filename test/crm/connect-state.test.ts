import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConnectStateSigner, STATE_TTL_MS } from '../../src/crm/connect/state.js';

const NOW = new Date('2026-12-01T10:00:00Z');

describe('CRM connect state', () => {
  const signer = new ConnectStateSigner(randomBytes(32));
  const who = { teamId: 'T1', userId: 'U_ADMIN', provider: 'salesforce' as const };

  it('carries the team, the admin and the CRM until it expires', () => {
    const checked = signer.verify(signer.issue(who, NOW), new Date(NOW.getTime() + STATE_TTL_MS - 1));
    expect(checked).toMatchObject({
      ok: true,
      state: { teamId: 'T1', userId: 'U_ADMIN', provider: 'salesforce' },
    });
    expect(signer.verify(signer.issue(who, NOW), new Date(NOW.getTime() + STATE_TTL_MS))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses a state signed with another key, or with any byte changed', () => {
    const state = signer.issue(who, NOW);
    expect(new ConnectStateSigner(randomBytes(32)).verify(state, NOW)).toEqual({
      ok: false,
      reason: 'forged',
    });
    const [body = '', signature = ''] = state.split('.');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    for (const change of [
      { t: 'T2' },
      { u: 'U_OTHER' },
      { p: 'hubspot' },
      { e: NOW.getTime() + 86_400_000 },
    ]) {
      const tampered = Buffer.from(JSON.stringify({ ...payload, ...change })).toString('base64url');
      expect(signer.verify(`${tampered}.${signature}`, NOW)).toEqual({ ok: false, reason: 'forged' });
    }
    expect(signer.verify(`${state}.x`, NOW)).toEqual({ ok: false, reason: 'forged' });
    expect(signer.verify('', NOW)).toEqual({ ok: false, reason: 'forged' });
  });

  it('derives a PKCE pair per nonce that only the key holder can compute', () => {
    const a = signer.pkce('n1');
    expect(a.verifier).toMatch(/^[\w-]{43}$/);
    expect(signer.pkce('n1')).toEqual(a);
    expect(signer.pkce('n2').verifier).not.toBe(a.verifier);
    expect(new ConnectStateSigner(randomBytes(32)).pkce('n1').verifier).not.toBe(a.verifier);
    expect(a.challenge).not.toContain(a.verifier);
  });

  it('two links for the same admin are different (one nonce each)', () => {
    expect(signer.issue(who, NOW)).not.toBe(signer.issue(who, NOW));
  });
});
