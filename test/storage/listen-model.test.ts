import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../src/storage/ports.js';
import { testEngines } from '../support/databases.js';

const TEAM_A = 'TA000001';
const TEAM_B = 'TB000002';
const T0 = new Date('2026-11-20T10:00:00.000Z');

describe.each(testEngines())('listen model storage on $name', (engine) => {
  let storage: Storage;
  beforeEach(async () => {
    storage = await engine.open();
  });
  afterEach(async () => {
    await storage.close();
  });

  it('is off until an admin turns it on, per team, and remembers who changed it', async () => {
    const repo = storage.repos.listenModel;
    expect(await repo.getSetting(TEAM_A)).toEqual({ enabled: false, changedBy: null, changedAt: null });
    await repo.setEnabled(TEAM_A, true, 'U0ADMIN', T0);
    expect(await repo.getSetting(TEAM_A)).toEqual({ enabled: true, changedBy: 'U0ADMIN', changedAt: T0 });
    expect((await repo.getSetting(TEAM_B)).enabled).toBe(false);
    await repo.setEnabled(TEAM_A, false, 'U0OWNER', T0);
    expect(await repo.getSetting(TEAM_A)).toMatchObject({ enabled: false, changedBy: 'U0OWNER' });
  });

  it('counts calls per team and day up to the cap, and a new day starts from zero', async () => {
    const repo = storage.repos.listenModel;
    expect(await repo.takeCall(TEAM_A, '2026-11-20', 2)).toBe(true);
    expect(await repo.takeCall(TEAM_A, '2026-11-20', 2)).toBe(true);
    expect(await repo.takeCall(TEAM_A, '2026-11-20', 2)).toBe(false);
    expect(await repo.callsOn(TEAM_A, '2026-11-20')).toBe(2);
    expect(await repo.takeCall(TEAM_B, '2026-11-20', 2)).toBe(true);
    expect(await repo.takeCall(TEAM_A, '2026-11-21', 2)).toBe(true);
    expect(await repo.callsOn(TEAM_A, '2026-11-21')).toBe(1);
    expect(await repo.takeCall(TEAM_A, '2026-11-21', 0)).toBe(false);
  });

  it('never lets calls made at the same moment go past the cap', async () => {
    const repo = storage.repos.listenModel;
    const taken = await Promise.all(Array.from({ length: 12 }, () => repo.takeCall(TEAM_A, '2026-11-20', 5)));
    expect(taken.filter(Boolean)).toHaveLength(5);
    expect(await repo.callsOn(TEAM_A, '2026-11-20')).toBe(5);
  });

  it('prunes counts older than a week', async () => {
    const repo = storage.repos.listenModel;
    await repo.takeCall(TEAM_A, '2026-11-01', 5);
    await repo.takeCall(TEAM_A, '2026-11-20', 5);
    expect(await repo.callsOn(TEAM_A, '2026-11-01')).toBe(0);
    expect(await repo.callsOn(TEAM_A, '2026-11-20')).toBe(1);
  });
});
