import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/ports.js';
import { isSqliteBusy, retryWhileBusy } from '../../src/storage/sqlite-busy-retry.js';

const dirs: string[] = [];
const opened: { close(): unknown }[] = [];
afterEach(async () => {
  for (const handle of opened.splice(0)) await handle.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function storageWithLockHolder(retryMs: number): Promise<{ storage: Storage; other: Sqlite.Database }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sv-lock-'));
  dirs.push(dir);
  const file = path.join(dir, 'app.sqlite');
  const storage = await openStorage({ engine: 'sqlite', file }, { sqliteBusyRetryMs: retryMs });
  const other = new Sqlite(file);
  opened.push(storage, other);
  return { storage, other };
}

const deal = (storage: Storage, channelId: string) =>
  storage.repos.deals.upsertByChannel({
    teamId: 'T1',
    channelId,
    accountName: 'Acme',
    dealName: 'Rollout',
    stage: 'discovery',
    ownerUserId: 'U1',
  });

describe('SQLite locked by another process', () => {
  it('keeps the event loop turning while a write waits, and saves once the lock is released', async () => {
    const { storage, other } = await storageWithLockHolder(5_000);
    other.exec('BEGIN IMMEDIATE');
    let settled = false;
    const write = deal(storage, 'C1').finally(() => {
      settled = true;
    });
    // With a synchronous busy_timeout these timers could not run until the write had given up.
    let ticks = 0;
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      ticks++;
    }
    expect(ticks).toBe(5);
    expect(settled).toBe(false);
    other.exec('COMMIT');
    const saved = await write;
    expect(saved.channelId).toBe('C1');
  });

  it('gives up with SQLITE_BUSY after its retry budget, and nothing is written', async () => {
    const { storage, other } = await storageWithLockHolder(200);
    other.exec('BEGIN IMMEDIATE');
    const failure = await deal(storage, 'C2').then(
      () => null,
      (error: unknown) => error,
    );
    expect(isSqliteBusy(failure)).toBe(true);
    other.exec('ROLLBACK');
    expect(await storage.repos.deals.getByChannel('T1', 'C2')).toBeNull();
  });

  it('retries only SQLITE_BUSY', async () => {
    let calls = 0;
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const result = await retryWhileBusy(
      async () => {
        calls++;
        if (calls < 3) throw busy;
        return 'done';
      },
      { retryForMs: 1_000, sleep: async () => undefined },
    );
    expect(result).toBe('done');
    const constraint = Object.assign(new Error('UNIQUE'), { code: 'SQLITE_CONSTRAINT' });
    await expect(
      retryWhileBusy(() => Promise.reject(constraint), { retryForMs: 1_000, sleep: async () => undefined }),
    ).rejects.toBe(constraint);
  });
});
