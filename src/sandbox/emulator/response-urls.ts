import { randomBytes } from 'node:crypto';
import type { Clock } from './types.js';

/** Slack: a response_url works up to 5 times within 30 minutes. */
export const RESPONSE_URL_TTL_MS = 30 * 60_000;
export const RESPONSE_URL_MAX_USES = 5;

export interface ResponseUrlTarget {
  channelId: string;
  userId: string;
  /** The message the interaction came from (block_actions / message_action), for replace/delete_original. */
  messageTs?: string;
  threadTs?: string;
}

interface Entry extends ResponseUrlTarget {
  issuedAt: number;
  uses: number;
}

export class ResponseUrlRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: Clock) {}

  /** Returns the id; the URL is `<base>/response-url/<id>`. */
  issue(target: ResponseUrlTarget): string {
    const id = randomBytes(12).toString('hex');
    this.entries.set(id, { ...target, issuedAt: this.clock(), uses: 0 });
    return id;
  }

  use(id: string): { ok: true; target: ResponseUrlTarget } | { ok: false; error: string } {
    const entry = this.entries.get(id);
    if (!entry || this.clock() - entry.issuedAt > RESPONSE_URL_TTL_MS)
      return { ok: false, error: 'expired_url' };
    if (entry.uses >= RESPONSE_URL_MAX_USES) return { ok: false, error: 'used_url' };
    entry.uses += 1;
    return { ok: true, target: entry };
  }
}
