import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { once } from '../../src/services/once.js';
import type { Storage } from '../../src/storage/ports.js';
import { sqliteOnly } from '../support/databases.js';

describe('once', () => {
  let storage: Storage;
  beforeEach(async () => {
    storage = await sqliteOnly.open();
  });
  afterEach(async () => {
    await storage.close();
  });

  it('runs the work for the first claim of a key and answers duplicate after that', async () => {
    let runs = 0;
    const work = async () => ++runs;
    expect(await once(storage.repos.idempotency, 'T1', 'view:V1', work)).toEqual({
      status: 'done',
      value: 1,
    });
    expect(await once(storage.repos.idempotency, 'T1', 'view:V1', work)).toEqual({ status: 'duplicate' });
    expect(await once(storage.repos.idempotency, 'T2', 'view:V1', work)).toEqual({
      status: 'done',
      value: 2,
    });
    expect(runs).toBe(2);
  });

  it('releases the key when the work fails, so a retry can do it', async () => {
    const failing = async () => {
      throw new Error('database down');
    };
    await expect(once(storage.repos.idempotency, 'T1', 'view:V2', failing)).rejects.toThrow('database down');
    expect(await once(storage.repos.idempotency, 'T1', 'view:V2', async () => 'saved')).toEqual({
      status: 'done',
      value: 'saved',
    });
  });
});
