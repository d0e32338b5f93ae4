import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewEntry } from '../../src/domain/entries.js';
import type { Storage } from '../../src/storage/ports.js';
import { testEngines } from '../support/databases.js';

const TEAM_A = 'TA000001';
const TEAM_B = 'TB000002';

function newEntry(dealId: number, overrides: Partial<NewEntry> = {}): NewEntry {
  return {
    teamId: TEAM_A,
    dealId,
    createdBy: 'U0REP',
    kind: 'driver',
    statement: 'Cross-border shipments are slow',
    quote: 'we lose three days on every cross-border shipment',
    stakeholderId: null,
    source: { type: 'text', ref: 'call with Dana' },
    saidOn: '2026-11-20',
    priority: 'high',
    status: 'unconfirmed',
    constraintCategory: null,
    severity: null,
    ...overrides,
  };
}

describe.each(testEngines())('storage contract on $name', (engine) => {
  let storage: Storage;
  beforeEach(async () => {
    storage = await engine.open();
  });
  afterEach(async () => {
    await storage.close();
  });

  const linkDeal = (teamId = TEAM_A, channelId = 'C0DEAL1') =>
    storage.repos.deals.upsertByChannel({
      teamId,
      channelId,
      accountName: 'Acme Logistics',
      dealName: 'Routing 2027',
      stage: 'discovery',
      ownerUserId: 'U0REP',
    });

  it('keeps sealed CRM credentials per team and provider, with expiry and account (0014_crm_token_expiry)', async () => {
    const creds = storage.repos.crm.credentials;
    const expiresAt = new Date('2026-12-01T10:30:00.000Z');
    await creds.put(TEAM_A, 'hubspot', {
      accessTokenSealed: 'v1.a',
      refreshTokenSealed: 'v1.r',
      instanceUrl: 'https://api.hubapi.com',
      expiresAt,
      accountId: '4242',
    });
    await creds.put(TEAM_A, 'salesforce', {
      accessTokenSealed: 'v1.s',
      refreshTokenSealed: null,
      instanceUrl: 'https://acme.my.salesforce.com',
    });
    expect(await creds.get(TEAM_A, 'hubspot')).toEqual({
      accessTokenSealed: 'v1.a',
      refreshTokenSealed: 'v1.r',
      instanceUrl: 'https://api.hubapi.com',
      expiresAt,
      accountId: '4242',
    });
    expect(await creds.get(TEAM_A, 'salesforce')).toMatchObject({ expiresAt: null, accountId: null });
    expect(await creds.get(TEAM_B, 'hubspot')).toBeNull();
    // A refresh replaces the row in place.
    const later = new Date('2026-12-01T11:00:00.000Z');
    await creds.put(TEAM_A, 'hubspot', {
      accessTokenSealed: 'v1.b',
      refreshTokenSealed: 'v1.r',
      instanceUrl: 'https://api.hubapi.com',
      expiresAt: later,
      accountId: '4242',
    });
    expect((await creds.get(TEAM_A, 'hubspot'))?.expiresAt).toEqual(later);
    // Disconnect forgets one team's one CRM only.
    await creds.put(TEAM_B, 'hubspot', {
      accessTokenSealed: 'v1.x',
      refreshTokenSealed: null,
      instanceUrl: 'x',
    });
    expect(await creds.remove(TEAM_A, 'hubspot')).toBe(true);
    expect(await creds.remove(TEAM_A, 'hubspot')).toBe(false);
    expect(await creds.get(TEAM_A, 'hubspot')).toBeNull();
    expect(await creds.get(TEAM_A, 'salesforce')).not.toBeNull();
    expect(await creds.get(TEAM_B, 'hubspot')).not.toBeNull();
  });

  it('answers the health ping', async () => {
    expect(await storage.ping()).toBe(true);
  });

  it('gives a new workspace default settings and keeps partial updates', async () => {
    const ws = await storage.repos.workspaces.get(TEAM_A);
    expect(ws.settings.stallDays).toBe(7);
    expect(ws.settings.dealChannelPrefix).toBe('deal-');
    const updated = await storage.repos.workspaces.updateSettings(TEAM_A, {
      stallDays: 10,
      timeZone: 'Europe/Berlin',
    });
    expect(updated.settings).toMatchObject({ stallDays: 10, timeZone: 'Europe/Berlin', nudgeTime: '09:00' });
    expect(await storage.repos.workspaces.listTeamIds()).toEqual([TEAM_A]);
  });

  it('links one deal per channel and updates it in place', async () => {
    const first = await linkDeal();
    const again = await storage.repos.deals.upsertByChannel({
      teamId: TEAM_A,
      channelId: 'C0DEAL1',
      accountName: 'Acme Logistics GmbH',
      dealName: 'Routing 2027',
      stage: 'qualification',
      ownerUserId: 'U0MGR',
    });
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({
      accountName: 'Acme Logistics GmbH',
      stage: 'qualification',
      ownerUserId: 'U0MGR',
    });
    expect(await storage.repos.deals.list(TEAM_A)).toHaveLength(1);
    const muted = await storage.repos.deals.update(TEAM_A, first.id, { nudgesMuted: true, stallDays: 14 });
    expect(muted).toMatchObject({ nudgesMuted: true, stallDays: 14, archived: false });
  });

  it('keeps data of team A invisible to team B', async () => {
    const deal = await linkDeal();
    const entry = await storage.repos.entries.create(newEntry(deal.id));
    const decision = await storage.repos.decisions.create({
      teamId: TEAM_A,
      dealId: deal.id,
      title: 'Pick a pilot region',
      createdBy: 'U0REP',
    });
    const person = await storage.repos.stakeholders.findOrCreate({
      teamId: TEAM_A,
      dealId: deal.id,
      name: 'Dana Lee',
    });

    expect(await storage.repos.deals.getByChannel(TEAM_B, 'C0DEAL1')).toBeNull();
    expect(await storage.repos.deals.getById(TEAM_B, deal.id)).toBeNull();
    expect(await storage.repos.deals.list(TEAM_B)).toEqual([]);
    expect(await storage.repos.entries.getById(TEAM_B, entry.id)).toBeNull();
    expect(await storage.repos.entries.listByDeal(TEAM_B, deal.id)).toEqual([]);
    expect(
      await storage.repos.entries.update(TEAM_B, entry.id, { statement: 'hijacked' }, 'U0EVIL'),
    ).toBeNull();
    expect(await storage.repos.entries.setArchived(TEAM_B, entry.id, true, 'U0EVIL')).toBeNull();
    expect(await storage.repos.decisions.getById(TEAM_B, decision.id)).toBeNull();
    expect(await storage.repos.decisions.update(TEAM_B, decision.id, { status: 'dropped' })).toBeNull();
    expect(await storage.repos.stakeholders.getById(TEAM_B, person.id)).toBeNull();
    expect(await storage.repos.deals.update(TEAM_B, deal.id, { archived: true })).toBeNull();

    expect((await storage.repos.entries.getById(TEAM_A, entry.id))?.statement).toBe(
      'Cross-border shipments are slow',
    );
    expect((await storage.repos.decisions.getById(TEAM_A, decision.id))?.status).toBe('open');
  });

  it('stores an entry exactly, with its quote and source, and keeps edit history', async () => {
    const deal = await linkDeal();
    const created = await storage.repos.entries.create(
      newEntry(deal.id, {
        kind: 'constraint',
        constraintCategory: 'budget',
        severity: 'high',
        quote: 'No new spend before the March freeze — “hard stop”',
      }),
    );
    expect(created).toMatchObject({
      kind: 'constraint',
      quote: 'No new spend before the March freeze — “hard stop”',
      source: { type: 'text', ref: 'call with Dana' },
      constraintCategory: 'budget',
      severity: 'high',
      archived: false,
    });
    const edited = await storage.repos.entries.update(
      TEAM_A,
      created.id,
      { statement: 'Spend freeze until March', status: 'confirmed' },
      'U0MGR',
    );
    expect(edited).toMatchObject({
      statement: 'Spend freeze until March',
      status: 'confirmed',
      updatedBy: 'U0MGR',
    });
    await storage.repos.entries.setArchived(TEAM_A, created.id, true, 'U0REP');
    expect(await storage.repos.entries.listByDeal(TEAM_A, deal.id)).toEqual([]);
    expect(await storage.repos.entries.listByDeal(TEAM_A, deal.id, { includeArchived: true })).toHaveLength(
      1,
    );
    const history = await storage.repos.entries.history(TEAM_A, created.id);
    expect(history.map((h) => h.changes)).toEqual([
      {
        statement: { from: 'Cross-border shipments are slow', to: 'Spend freeze until March' },
        status: { from: 'unconfirmed', to: 'confirmed' },
      },
      { archived: { from: false, to: true } },
    ]);
    expect(history.map((h) => h.changedBy)).toEqual(['U0MGR', 'U0REP']);
  });

  it('stores the internal-only flag (default shareable), changes it with history, and keeps it per team', async () => {
    const deal = await linkDeal();
    const shared = await storage.repos.entries.create(newEntry(deal.id));
    expect(shared.internalOnly).toBe(false);
    const fear = await storage.repos.entries.create(
      newEntry(deal.id, {
        kind: 'risk',
        quote: 'if we start and it slips, my team takes the blame in front of the board',
        internalOnly: true,
      }),
    );
    expect((await storage.repos.entries.getById(TEAM_A, fear.id))?.internalOnly).toBe(true);
    const unflagged = await storage.repos.entries.update(TEAM_A, fear.id, { internalOnly: false }, 'U0REP');
    expect(unflagged?.internalOnly).toBe(false);
    const history = await storage.repos.entries.history(TEAM_A, fear.id);
    expect(history.at(-1)?.changes).toEqual({ internalOnly: { from: true, to: false } });
    expect(await storage.repos.entries.update(TEAM_B, fear.id, { internalOnly: true }, 'U0X')).toBeNull();
    const listed = await storage.repos.entries.listByDeal(TEAM_A, deal.id);
    expect(listed.map((e) => e.internalOnly)).toEqual([false, false]);
  });

  it('counts entries by kind, ignoring archived ones, and filters lists by kind', async () => {
    const deal = await linkDeal();
    await storage.repos.entries.create(newEntry(deal.id));
    await storage.repos.entries.create(newEntry(deal.id));
    const archived = await storage.repos.entries.create(newEntry(deal.id, { kind: 'risk' }));
    await storage.repos.entries.create(newEntry(deal.id, { kind: 'proposal', quote: null }));
    await storage.repos.entries.setArchived(TEAM_A, archived.id, true, 'U0REP');
    expect(await storage.repos.entries.countByKind(TEAM_A, deal.id)).toEqual({ driver: 2, proposal: 1 });
    expect(await storage.repos.entries.listByDeal(TEAM_A, deal.id, { kind: 'proposal' })).toHaveLength(1);
  });

  it('reuses a stakeholder across entries by name, whatever the case or spacing', async () => {
    const deal = await linkDeal();
    const a = await storage.repos.stakeholders.findOrCreate({
      teamId: TEAM_A,
      dealId: deal.id,
      name: 'Dana  Lee',
    });
    const b = await storage.repos.stakeholders.findOrCreate({
      teamId: TEAM_A,
      dealId: deal.id,
      name: 'dana lee',
      title: 'VP Operations',
      buyingRole: 'economic_buyer',
    });
    expect(b.id).toBe(a.id);
    expect(b).toMatchObject({ name: 'Dana Lee', title: 'VP Operations', buyingRole: 'economic_buyer' });
    expect(await storage.repos.stakeholders.listByDeal(TEAM_A, deal.id)).toHaveLength(1);
  });

  it('records decision activity on every update', async () => {
    let now = new Date('2026-11-02T10:00:00Z');
    const clocked = await engine.open({ clock: () => now });
    try {
      const deal = await clocked.repos.deals.upsertByChannel({
        teamId: TEAM_A,
        channelId: 'C1',
        accountName: 'A',
        dealName: 'D',
        stage: 'discovery',
        ownerUserId: 'U1',
      });
      const decision = await clocked.repos.decisions.create({
        teamId: TEAM_A,
        dealId: deal.id,
        title: 'Pick a pilot region',
        dueDate: '2026-12-15',
        ourOwnerUserId: 'U1',
        relatedEntryIds: [3, 4],
        createdBy: 'U1',
      });
      expect(decision.lastActivityAt.toISOString()).toBe('2026-11-02T10:00:00.000Z');
      expect(decision.relatedEntryIds).toEqual([3, 4]);
      now = new Date('2026-11-09T08:30:00Z');
      const snoozed = await clocked.repos.decisions.update(TEAM_A, decision.id, {
        snoozedUntil: new Date('2026-11-16T08:30:00Z'),
      });
      expect(snoozed?.lastActivityAt.toISOString()).toBe('2026-11-09T08:30:00.000Z');
      expect(snoozed?.snoozedUntil?.toISOString()).toBe('2026-11-16T08:30:00.000Z');
      await clocked.repos.decisions.update(TEAM_A, decision.id, { status: 'decided', outcome: 'EMEA first' });
      expect(await clocked.repos.decisions.listByDeal(TEAM_A, deal.id, 'open')).toEqual([]);
      expect((await clocked.repos.decisions.listByDeal(TEAM_A, deal.id, 'decided'))[0]?.outcome).toBe(
        'EMEA first',
      );
    } finally {
      await clocked.close();
    }
  });

  it('claims an idempotency key once per team until it expires', async () => {
    const t0 = new Date('2026-11-02T10:00:00Z');
    expect(await storage.repos.idempotency.claim(TEAM_A, 'view:V1', t0, 60)).toBe(true);
    expect(await storage.repos.idempotency.claim(TEAM_A, 'view:V1', t0, 60)).toBe(false);
    expect(await storage.repos.idempotency.claim(TEAM_B, 'view:V1', t0, 60)).toBe(true);
    expect(
      await storage.repos.idempotency.claim(TEAM_A, 'view:V1', new Date(t0.getTime() + 61_000), 60),
    ).toBe(true);
    await storage.repos.idempotency.release(TEAM_A, 'view:V1');
    expect(
      await storage.repos.idempotency.claim(TEAM_A, 'view:V1', new Date(t0.getTime() + 62_000), 60),
    ).toBe(true);
  });
});
