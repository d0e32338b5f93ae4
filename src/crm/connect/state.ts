import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { CrmProvider } from '../../domain/crm/types.js';

/** A connect link (and the OAuth state it carries) works for ten minutes, once. */
export const STATE_TTL_MS = 10 * 60_000;

const payloadSchema = z.object({
  v: z.literal(1),
  n: z.string().regex(/^[\w-]{22}$/),
  t: z.string().min(1).max(40),
  u: z.string().min(1).max(40),
  p: z.enum(['salesforce', 'hubspot']),
  e: z.number().int(),
});

export interface ConnectState {
  nonce: string;
  teamId: string;
  userId: string;
  provider: CrmProvider;
  expiresAt: Date;
}

export type StateCheck = { ok: true; state: ConnectState } | { ok: false; reason: 'forged' | 'expired' };

/**
 * The OAuth `state` of a CRM connect: who started it (Slack team and admin), for which CRM, until when, signed
 * with HMAC-SHA256 under a key derived from CRM_ENCRYPTION_KEY. The PKCE verifier is derived from the nonce
 * under another derived key, so it never leaves the server except to the token endpoint and is never stored.
 * Single use is enforced by the caller (it claims the nonce).
 */
export class ConnectStateSigner {
  private readonly signKey: Buffer;
  private readonly pkceKey: Buffer;

  constructor(encryptionKey: Buffer) {
    this.signKey = Buffer.from(hkdfSync('sha256', encryptionKey, '', 'crm-oauth-state-v1', 32));
    this.pkceKey = Buffer.from(hkdfSync('sha256', encryptionKey, '', 'crm-oauth-pkce-v1', 32));
  }

  issue(args: { teamId: string; userId: string; provider: CrmProvider }, now: Date): string {
    const payload = {
      v: 1 as const,
      n: randomBytes(16).toString('base64url'),
      t: args.teamId,
      u: args.userId,
      p: args.provider,
      e: now.getTime() + STATE_TTL_MS,
    };
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  verify(state: string, now: Date): StateCheck {
    const [body = '', signature = '', extra] = state.split('.');
    if (extra !== undefined || body === '') return { ok: false, reason: 'forged' };
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return { ok: false, reason: 'forged' };
    let parsed: z.infer<typeof payloadSchema>;
    try {
      parsed = payloadSchema.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    } catch {
      return { ok: false, reason: 'forged' };
    }
    if (parsed.e <= now.getTime()) return { ok: false, reason: 'expired' };
    return {
      ok: true,
      state: {
        nonce: parsed.n,
        teamId: parsed.t,
        userId: parsed.u,
        provider: parsed.p,
        expiresAt: new Date(parsed.e),
      },
    };
  }

  /** RFC 7636: a 43-character verifier for this nonce, and its S256 challenge. */
  pkce(nonce: string): { verifier: string; challenge: string } {
    const verifier = createHmac('sha256', this.pkceKey).update(nonce).digest('base64url');
    return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.signKey).update(body).digest('base64url');
  }
}
