import type { IdempotencyRepository } from '../storage/ports.js';

export type Once<T> = { status: 'done'; value: T } | { status: 'duplicate' };

/**
 * Runs `work` at most once per key (a modal's view id, an event id...): a retry or double submit gets
 * `duplicate`. If `work` throws, the claim is released so Slack's retry can do it, and the error is rethrown.
 */
export async function once<T>(
  idempotency: IdempotencyRepository,
  teamId: string,
  key: string,
  work: () => Promise<T>,
  options: { now?: Date; ttlSeconds?: number } = {},
): Promise<Once<T>> {
  if (!(await idempotency.claim(teamId, key, options.now, options.ttlSeconds)))
    return { status: 'duplicate' };
  try {
    return { status: 'done', value: await work() };
  } catch (error) {
    await idempotency.release(teamId, key);
    throw error;
  }
}
