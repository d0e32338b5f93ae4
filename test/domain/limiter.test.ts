import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../src/domain/limiter.js';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createLimiter', () => {
  it('never runs more than N tasks at once and starts the waiting ones in order', async () => {
    const limit = createLimiter(3);
    const gates = Array.from({ length: 10 }, () => deferred());
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const results = gates.map((gate, i) =>
      limit(async () => {
        started.push(i);
        running++;
        most = Math.max(most, running);
        await gate.promise;
        running--;
        return i * 2;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1, 2]);
    expect(limit.active).toBe(3);
    expect(limit.pending).toBe(7);
    gates[1]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    for (const gate of gates) gate.resolve();
    expect(await Promise.all(results)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    expect(most).toBe(3);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(limit.active).toBe(0);
  });

  it('frees the slot of a task that fails or throws before its first await', async () => {
    const limit = createLimiter(1);
    const failed = limit(async () => {
      throw new Error('model down');
    });
    const threw = limit(() => {
      throw new Error('sync throw');
    });
    const next = limit(async () => 'still runs');
    await expect(failed).rejects.toThrow('model down');
    await expect(threw).rejects.toThrow('sync throw');
    expect(await next).toBe('still runs');
    expect(limit.active).toBe(0);
  });

  it('refuses a bound that is not a whole number of at least 1', () => {
    expect(() => createLimiter(0)).toThrow(RangeError);
    expect(() => createLimiter(1.5)).toThrow(RangeError);
  });
});
