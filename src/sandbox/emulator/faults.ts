/**
 * Injected failures, answered instead of the real method: an HTTP status (429 with Retry-After, 5xx), or
 * `error`, a Slack error answered as `ok: false` with HTTP 200 (which the Web API client does not retry), or a
 * slow answer.
 */
export type Fault =
  | { status: 429; retryAfter?: number }
  | { status: 500 | 502 | 503 | 504 }
  | { status: 200; error: string }
  /** Not a failure: the real answer, this many milliseconds late (a slow Slack). */
  | { status: 'slow'; delayMs: number };

/** `null`: a call let through before the faults that follow it. */
type Slot = Fault | null;

export class FaultQueue {
  private readonly pending = new Map<string, Slot[]>();

  /** The next `times` calls of `method` fail, after `after` calls that go through. */
  failNext(method: string, fault: Fault, times = 1, after = 0): void {
    const list = this.pending.get(method) ?? [];
    for (let i = 0; i < after; i++) list.push(null);
    for (let i = 0; i < times; i++) list.push(fault);
    this.pending.set(method, list);
  }

  /** Takes the next fault for a method (or for `*`), if any. */
  take(method: string): Fault | undefined {
    for (const key of [method, '*']) {
      const list = this.pending.get(key);
      if (list && list.length > 0) return list.shift() ?? undefined;
    }
    return undefined;
  }

  clear(): void {
    this.pending.clear();
  }
}
