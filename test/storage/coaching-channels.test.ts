import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/ports.js';
import { testEngines } from '../support/databases.js';
import { seedTeam } from '../support/team-seed.js';

describe.each(testEngines())('internal channel for coaching on $name', (engine) => {
  let storage: Storage;
  let drop: () => Promise<void>;
  const at = new Date('2026-12-06T10:00:00Z');
  beforeEach(async () => {
    const created = await engine.create();
    drop = created.drop;
    storage = await openStorage(created.config);
  });
  afterEach(async () => {
    await storage.close();
    await drop();
  });

  it('is stored per deal and team, replaced, and unlinked with null', async () => {
    const one = await seedTeam(storage.repos, 'T0ONE');
    const two = await seedTeam(storage.repos, 'T0TWO');
    const repo = storage.repos.coachingChannels;
    expect(await repo.get('T0ONE', one.id)).toBe('C0INTERNAL');
    await repo.set('T0ONE', one.id, 'C0OTHER', at);
    expect(await repo.get('T0ONE', one.id)).toBe('C0OTHER');
    expect(await repo.get('T0TWO', two.id)).toBe('C0INTERNAL');
    expect(await repo.get('T0TWO', one.id)).toBeNull();
    await repo.set('T0ONE', one.id, null, at);
    expect(await repo.get('T0ONE', one.id)).toBeNull();
    expect(await repo.get('T0TWO', two.id)).toBe('C0INTERNAL');
  });
});
