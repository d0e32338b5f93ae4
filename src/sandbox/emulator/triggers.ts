import { randomBytes } from 'node:crypto';
import type { Clock } from './types.js';

/** Slack: a trigger_id can open one modal, within 3 seconds of the interaction. */
export const TRIGGER_TTL_MS = 3_000;

interface Trigger {
  userId: string;
  issuedAt: number;
  used: boolean;
}

export type TriggerResult =
  | { ok: true; userId: string }
  | { ok: false; error: 'invalid_trigger_id' | 'expired_trigger_id' | 'exchanged_trigger_id' };

export class TriggerRegistry {
  private readonly triggers = new Map<string, Trigger>();
  private counter = 0;

  constructor(private readonly clock: Clock) {}

  issue(userId: string): string {
    this.counter += 1;
    const now = this.clock();
    const id = `${this.counter}${Math.floor(now / 1000)}.${Math.floor(now)}.${randomBytes(16).toString('hex')}`;
    this.triggers.set(id, { userId, issuedAt: now, used: false });
    return id;
  }

  /** Spends a trigger_id (views.open / views.push). */
  consume(triggerId: string): TriggerResult {
    const trigger = this.triggers.get(triggerId);
    if (!trigger) return { ok: false, error: 'invalid_trigger_id' };
    if (this.clock() - trigger.issuedAt > TRIGGER_TTL_MS) return { ok: false, error: 'expired_trigger_id' };
    if (trigger.used) return { ok: false, error: 'exchanged_trigger_id' };
    trigger.used = true;
    return { ok: true, userId: trigger.userId };
  }
}
