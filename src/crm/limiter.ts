import { CrmError } from './ports.js';

export interface LimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: LimiterClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()),
};

/**
 * HubSpot counts requests per app and portal in a rolling 10-second window (100 for a private app on most
 * tiers). Each call waits for a free slot in the window instead of drawing a 429.
 */
export class RollingWindowLimiter {
  private readonly sent: number[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly clock: LimiterClock = realClock,
  ) {}

  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async waitForSlot(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      while (this.sent.length > 0 && (this.sent[0] ?? 0) <= now - this.windowMs) this.sent.shift();
      if (this.sent.length < this.max) {
        this.sent.push(now);
        return;
      }
      await this.clock.sleep((this.sent[0] ?? now) + this.windowMs - now);
    }
  }
}

/**
 * Salesforce's allowance is per org and per 24 hours, shared with every other integration; each response
 * says how much is used (`Sforce-Limit-Info: api-usage=used/limit`). We stop before the last `reserve` share
 * so we never starve the org's other tools.
 */
export class DailyAllowance {
  private used = 0;
  private limit: number | null = null;

  constructor(private readonly reserve = 0.1) {}

  record(used: number, limit: number): void {
    this.used = used;
    this.limit = limit;
  }

  check(): void {
    if (this.limit === null) return;
    if (this.used >= Math.floor(this.limit * (1 - this.reserve))) {
      throw new CrmError(
        'rate_limited',
        `Salesforce API allowance nearly used up today (${this.used} of ${this.limit}); try again tomorrow.`,
      );
    }
  }

  get usage(): { used: number; limit: number | null } {
    return { used: this.used, limit: this.limit };
  }
}

/** Retries a call that hit a rate limit: waits Retry-After when given, else 1 s, 2 s, 4 s. */
export async function withBackoff<T>(
  call: () => Promise<T>,
  clock: LimiterClock = realClock,
  attempts = 4,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof CrmError) || error.kind !== 'rate_limited' || attempt >= attempts) throw error;
      await clock.sleep(error.retryAfterMs ?? 1000 * 2 ** (attempt - 1));
    }
  }
}

/** One limiter per portal/org, shared by every adapter instance that talks to it. */
export class LimiterRegistry<T> {
  private readonly byKey = new Map<string, T>();
  constructor(private readonly create: () => T) {}
  for(key: string): T {
    let limiter = this.byKey.get(key);
    if (!limiter) {
      limiter = this.create();
      this.byKey.set(key, limiter);
    }
    return limiter;
  }
}
