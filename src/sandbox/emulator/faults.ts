/** Injected failures, answered instead of the real method. */
export type Fault = { status: 429; retryAfter?: number } | { status: 500 | 502 | 503 | 504 };

export class FaultQueue {
  private readonly pending = new Map<string, Fault[]>();

  failNext(method: string, fault: Fault, times = 1): void {
    const list = this.pending.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(fault);
    this.pending.set(method, list);
  }

  /** Takes the next fault for a method (or for `*`), if any. */
  take(method: string): Fault | undefined {
    for (const key of [method, '*']) {
      const list = this.pending.get(key);
      if (list && list.length > 0) return list.shift();
    }
    return undefined;
  }

  clear(): void {
    this.pending.clear();
  }
}
