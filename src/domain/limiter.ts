/**
 * At most `max` tasks running at once; the rest wait in order (first queued, first started). A dozen lines
 * instead of a dependency (p-limit is ESM-only and does the same).
 */
export interface Limiter {
  <T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now. */
  readonly active: number;
  /** Tasks waiting for a slot. */
  readonly pending: number;
}

export function createLimiter(max: number): Limiter {
  if (!Number.isInteger(max) || max < 1)
    throw new RangeError(`limiter needs a whole number >= 1, got ${max}`);
  let active = 0;
  const queue: (() => void)[] = [];
  const release = () => {
    active--;
    queue.shift()?.();
  };
  const limit = <T>(task: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const start = () => {
        active++;
        Promise.resolve().then(task).then(resolve, reject).finally(release);
      };
      if (active < max) start();
      else queue.push(start);
    });
  return Object.defineProperties(limit, {
    active: { get: () => active },
    pending: { get: () => queue.length },
  }) as Limiter;
}
