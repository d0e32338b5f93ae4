import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { createUserZoneCache } from '../../../src/slack/flows/user-time.js';

/** A users.info that answers from a table, counts its calls and can be made to fail. */
function fakeSlack(zones: Record<string, string | undefined>) {
  const state = { calls: 0, failing: false };
  const client = {
    users: {
      info: async ({ user }: { user: string }) => {
        state.calls++;
        if (state.failing) throw new Error('service_unavailable');
        return { ok: true, user: { id: user, tz: zones[user] } };
      },
    },
  } as unknown as WebClient;
  return { client, state };
}

describe('user zone cache', () => {
  it('asks Slack once per user and team within the TTL, again after it', async () => {
    let now = new Date('2026-12-07T00:00:00Z');
    const cache = createUserZoneCache({ clock: () => now, ttlMs: 60_000 });
    const { client, state } = fakeSlack({ U1: 'Asia/Kolkata' });
    expect(await cache.zoneOf(client, 'T1', 'U1', 'UTC')).toBe('Asia/Kolkata');
    expect(await cache.zoneOf(client, 'T1', 'U1', 'UTC')).toBe('Asia/Kolkata');
    expect(state.calls).toBe(1);
    await cache.zoneOf(client, 'T2', 'U1', 'UTC');
    expect(state.calls).toBe(2);
    now = new Date(now.getTime() + 61_000);
    await cache.zoneOf(client, 'T1', 'U1', 'UTC');
    expect(state.calls).toBe(3);
  });

  it('falls back to the workspace zone for no or an unknown zone, and keeps a stale zone when Slack fails', async () => {
    let now = new Date('2026-12-07T00:00:00Z');
    const cache = createUserZoneCache({ clock: () => now, ttlMs: 60_000 });
    const { client, state } = fakeSlack({ U1: 'Europe/Berlin', U2: undefined, U3: 'Mars/Olympus' });
    expect(await cache.zoneOf(client, 'T1', 'U2', 'America/New_York')).toBe('America/New_York');
    expect(await cache.zoneOf(client, 'T1', 'U3', 'America/New_York')).toBe('America/New_York');
    expect(await cache.zoneOf(client, 'T1', 'U1', 'UTC')).toBe('Europe/Berlin');
    state.failing = true;
    now = new Date(now.getTime() + 120_000);
    expect(await cache.zoneOf(client, 'T1', 'U1', 'UTC')).toBe('Europe/Berlin');
    expect(await cache.zoneOf(client, 'T1', 'U9', 'UTC')).toBe('UTC');
  });
});
