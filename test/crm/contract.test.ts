import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hubspotAdapter } from '../../src/crm/hubspot/adapter.js';
import { HubSpotClient } from '../../src/crm/hubspot/client.js';
import { DailyAllowance, RollingWindowLimiter } from '../../src/crm/limiter.js';
import { type CrmAdapter, CrmError } from '../../src/crm/ports.js';
import { salesforceAdapter } from '../../src/crm/salesforce/adapter.js';
import { parseEncryptionKey, TokenCipher } from '../../src/crm/token-cipher.js';
import { encryptedSessionStore } from '../../src/crm/token-store.js';
import { sfTime } from '../../src/sandbox/crm/state.js';
import { type CrmWorld, memoryCredentials, startCrmWorld } from '../support/crm-fixtures.js';

interface Subject {
  adapter: CrmAdapter;
  recordId: string;
  otherRecordId: string;
  field: string;
  emptyField: string;
  contactId: string;
  /** The seeded CRM user riley@vendor.example (the record owner). */
  rileyId: string;
  /** Someone edits the record in the CRM. */
  editInCrm(field: string, value: string): void;
  valueInCrm(field: string): unknown;
  refuseWith(message: string): void;
  notesOn(recordId: string): string[];
  tasksOn(recordId: string): { subject: string; contactId: string | null }[];
}

type Make = (world: CrmWorld) => Subject;

const makeSalesforce: Make = (world) => {
  const sf = world.emulator.state.salesforce;
  const key = parseEncryptionKey(world.config.encryptionKey ?? '');
  if (!key || !world.config.salesforce) throw new Error('fixture');
  const adapter = salesforceAdapter({
    config: world.config.salesforce,
    teamId: 'T1',
    sessions: encryptedSessionStore(memoryCredentials(), new TokenCipher(key)),
    allowance: new DailyAllowance(),
    clock: world.time,
    now: world.time.date,
  });
  const opp = () => sf.tables.Opportunity?.get(world.ids.opportunityId) ?? {};
  return {
    adapter,
    recordId: world.ids.opportunityId,
    otherRecordId: '006000000000002AAA',
    field: 'Decision_Criteria__c',
    emptyField: 'Next_Step_Notes__c',
    contactId: '003000000000001AAA',
    rileyId: '005000000000001AAA',
    editInCrm(field, value) {
      world.time.ms += 5_000;
      sf.tables.Opportunity?.set(world.ids.opportunityId, {
        ...opp(),
        [field]: value,
        LastModifiedDate: sfTime(world.time.date()),
      });
    },
    valueInCrm: (field) => opp()[field],
    refuseWith(message) {
      sf.validationRules.push((object) => (object === 'Opportunity' ? message : null));
    },
    notesOn(recordId) {
      const links = [...(sf.tables.ContentDocumentLink?.values() ?? [])].filter(
        (l) => l.LinkedEntityId === recordId,
      );
      return links.map((l) => {
        const note = sf.tables.ContentNote?.get(String(l.ContentDocumentId));
        return Buffer.from(String(note?.Content ?? ''), 'base64').toString('utf8');
      });
    },
    tasksOn(recordId) {
      return [...(sf.tables.Task?.values() ?? [])]
        .filter((t) => t.WhatId === recordId)
        .map((t) => ({ subject: String(t.Subject), contactId: t.WhoId ? String(t.WhoId) : null }));
    },
  };
};

const makeHubSpot: Make = (world) => {
  const hs = world.emulator.state.hubspot;
  if (!world.config.hubspot) throw new Error('fixture');
  const adapter = hubspotAdapter(
    new HubSpotClient(world.config.hubspot, new RollingWindowLimiter(90, 10_000, world.time), world.time),
    'hubspot:4242',
  );
  const deal = () => hs.deals.get(world.ids.dealId) ?? {};
  return {
    adapter,
    recordId: world.ids.dealId,
    otherRecordId: '9002',
    field: 'decision_criteria',
    emptyField: 'description',
    contactId: '501',
    rileyId: '77',
    editInCrm(field, value) {
      world.time.ms += 5_000;
      hs.deals.set(world.ids.dealId, {
        ...deal(),
        [field]: value,
        hs_lastmodifieddate: world.time.date().toISOString(),
      });
    },
    valueInCrm: (field) => deal()[field],
    refuseWith(message) {
      hs.validationRules.push(() => message);
    },
    notesOn(recordId) {
      return [...hs.notes.values()]
        .filter((n) => n.associations.some((a) => a.id === recordId && a.typeId === 214))
        .map((n) => String(n.properties.hs_note_body));
    },
    tasksOn(recordId) {
      return [...hs.tasks.values()]
        .filter((t) => t.associations.some((a) => a.id === recordId && a.typeId === 216))
        .map((t) => ({
          subject: String(t.properties.hs_task_subject),
          contactId: t.associations.find((a) => a.typeId === 204)?.id ?? null,
        }));
    },
  };
};

describe.each([
  ['Salesforce', makeSalesforce],
  ['HubSpot', makeHubSpot],
] as const)('CRM contract: %s adapter against the emulator', (_name, make) => {
  let world: CrmWorld;
  let s: Subject;
  beforeEach(async () => {
    world = await startCrmWorld();
    s = make(world);
  });
  afterEach(() => world.close());

  it('reads stage, amount, close date, owner and the contacts with their roles', async () => {
    const deal = await s.adapter.getDeal(s.recordId);
    expect(deal).toMatchObject({
      recordId: s.recordId,
      name: 'Acme - Routing 2027',
      amount: 120000,
      closeDate: '2027-03-31',
      ownerName: 'Riley Rep',
    });
    expect(deal.stage).toMatch(/Qualifi/);
    expect(deal.contacts.map((c) => c.name).sort()).toEqual(['Dana Diaz', 'Sam Lee']);
    expect(deal.contacts.find((c) => c.name === 'Dana Diaz')?.role).toMatch(/Economic Buyer|Decision maker/);
  });

  it('searches by name, and quotes in the search are data', async () => {
    expect((await s.adapter.searchDeals('routing', 10)).map((h) => h.recordId)).toEqual([s.recordId]);
    expect(await s.adapter.searchDeals("x' OR Name LIKE '", 10)).toEqual([]);
  });

  it('an unknown record is not_found, never another record', async () => {
    const missing = s.recordId.startsWith('006') ? '006000000000099AAA' : '123456';
    await expect(s.adapter.getDeal(missing)).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('lists the writable text fields an admin may map', async () => {
    const names = (await s.adapter.listFields()).map((f) => f.name);
    expect(names).toContain(s.field);
    expect(names.some((n) => /lastmodified/i.test(n))).toBe(false);
  });

  it('writes a field when nobody changed the record since we read it', async () => {
    const read = await s.adapter.readField(s.recordId, s.emptyField);
    expect(read.value).toBeNull();
    await s.adapter.writeField(s.recordId, s.emptyField, 'Faster routing', read.lastModified);
    expect(s.valueInCrm(s.emptyField)).toBe('Faster routing');
  });

  it('detects a concurrent edit and leaves what the person typed in the CRM', async () => {
    const read = await s.adapter.readField(s.recordId, s.field);
    s.editInCrm(s.field, 'Typed by the AE in the CRM');
    const attempt = s.adapter.writeField(s.recordId, s.field, 'ours', read.lastModified);
    await expect(attempt).rejects.toMatchObject({ kind: 'stale' });
    expect(s.valueInCrm(s.field)).toBe('Typed by the AE in the CRM');
  });

  it('passes a validation rule message on word for word', async () => {
    const message = 'Close Date cannot be in the past for open opportunities (VR_CloseDate_17)';
    s.refuseWith(message);
    const read = await s.adapter.readField(s.recordId, s.field);
    const error = await s.adapter
      .writeField(s.recordId, s.field, 'ours', read.lastModified)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ kind: 'validation', message });
  });

  it('finds the CRM user with an email (any case) and nobody for another, malformed or quoted address', async () => {
    expect(await s.adapter.findUserByEmail('Riley@Vendor.example')).toEqual({
      id: s.rileyId,
      name: 'Riley Rep',
    });
    expect(await s.adapter.findUserByEmail('nobody@vendor.example')).toBeNull();
    expect(await s.adapter.findUserByEmail('not an email')).toBeNull();
    // A quote in an address is data, not query syntax.
    expect(await s.adapter.findUserByEmail("o'brien@vendor.example")).toBeNull();
  });

  it('creates one note on the record and one task linked to the contact', async () => {
    const noteId = await s.adapter.createNote(s.recordId, "Here's what we heard", '<p>Routing in 2027</p>');
    expect(noteId).toBeTruthy();
    expect(s.notesOn(s.recordId)).toHaveLength(1);
    expect(s.notesOn(s.recordId)[0]).toContain('Routing in 2027');
    expect(s.notesOn(s.otherRecordId)).toEqual([]);
    await s.adapter.createTask(s.recordId, {
      subject: 'Decide: pilot scope',
      body: 'Customer owner: Dana',
      dueDate: '2026-12-15',
      contactId: s.contactId,
      ownerId: null,
    });
    expect(s.tasksOn(s.recordId)).toEqual([{ subject: 'Decide: pilot scope', contactId: s.contactId }]);
  });
});

describe('Salesforce specifics', () => {
  let world: CrmWorld;
  beforeEach(async () => {
    world = await startCrmWorld();
  });
  afterEach(() => world.close());

  it('refreshes an expired session (401 INVALID_SESSION_ID) and stores only sealed tokens', async () => {
    const store = memoryCredentials();
    const key = parseEncryptionKey(world.config.encryptionKey ?? '') ?? Buffer.alloc(0);
    const adapter = salesforceAdapter({
      config: world.config.salesforce!,
      teamId: 'T1',
      sessions: encryptedSessionStore(store, new TokenCipher(key)),
      allowance: new DailyAllowance(),
      clock: world.time,
    });
    await adapter.getDeal(world.ids.opportunityId);
    const sf = world.emulator.state.salesforce;
    expect(sf.tokenRequests).toBe(1);
    const first = store.rows.get('T1:salesforce');
    sf.accessTokens.clear();
    const deal = await adapter.getDeal(world.ids.opportunityId);
    expect(deal.name).toBe('Acme - Routing 2027');
    expect(sf.tokenRequests).toBe(2);
    const second = store.rows.get('T1:salesforce');
    expect(second?.accessTokenSealed).not.toBe(first?.accessTokenSealed);
    const live = [...sf.accessTokens][0] ?? '';
    expect(JSON.stringify([...store.rows.values()])).not.toContain(live);
  });

  it('stops before the org-wide daily allowance is used up (from Sforce-Limit-Info)', async () => {
    const sf = world.emulator.state.salesforce;
    sf.apiUsage = { used: 13_490, limit: 15_000 };
    const key = parseEncryptionKey(world.config.encryptionKey ?? '') ?? Buffer.alloc(0);
    const allowance = new DailyAllowance(0.1);
    const adapter = salesforceAdapter({
      config: world.config.salesforce!,
      teamId: 'T1',
      sessions: encryptedSessionStore(memoryCredentials(), new TokenCipher(key)),
      allowance,
      clock: world.time,
    });
    await adapter.searchDeals('Acme', 5);
    expect(allowance.usage).toEqual({ used: 13_491, limit: 15_000 });
    await adapter.searchDeals('Acme', 5);
    const usedBefore = sf.apiUsage.used;
    for (let i = 0; i < 10; i++) await adapter.searchDeals('Acme', 5).catch(() => undefined);
    expect(sf.apiUsage.used).toBe(13_500);
    expect(sf.apiUsage.used - usedBefore).toBeLessThanOrEqual(8);
    await expect(adapter.searchDeals('Acme', 5)).rejects.toMatchObject({ kind: 'rate_limited' });
  });

  it('passes a permission error on word for word', async () => {
    world.emulator.state.salesforce.readOnlyObjects.add('Task');
    const key = parseEncryptionKey(world.config.encryptionKey ?? '') ?? Buffer.alloc(0);
    const adapter = salesforceAdapter({
      config: world.config.salesforce!,
      teamId: 'T1',
      sessions: encryptedSessionStore(memoryCredentials(), new TokenCipher(key)),
      allowance: new DailyAllowance(),
      clock: world.time,
    });
    const task = { subject: 'x', body: '', dueDate: null, contactId: null, ownerId: null };
    await expect(adapter.createTask(world.ids.opportunityId, task)).rejects.toMatchObject({
      kind: 'permission',
      message: 'insufficient access rights on object id',
    });
  });

  it('refuses an instance URL on a host it does not trust', async () => {
    const { trustedInstanceUrl } = await import('../../src/crm/salesforce/auth.js');
    expect(() => trustedInstanceUrl(world.config.salesforce!, 'https://evil.example.com')).toThrow(
      /do not trust/,
    );
    expect(trustedInstanceUrl(world.config.salesforce!, 'https://acme.my.salesforce.com/x')).toBe(
      'https://acme.my.salesforce.com',
    );
  });
});

describe('HubSpot specifics', () => {
  let world: CrmWorld;
  beforeEach(async () => {
    world = await startCrmWorld();
  });
  afterEach(() => world.close());

  it('keeps under the per-10-second limit instead of drawing 429s', async () => {
    const hs = world.emulator.state.hubspot;
    hs.limitPer10s = 5;
    const adapter = hubspotAdapter(
      new HubSpotClient(world.config.hubspot!, new RollingWindowLimiter(5, 10_000, world.time), world.time),
      'hubspot:4242',
    );
    for (let i = 0; i < 12; i++) await adapter.readField(world.ids.dealId, 'description');
    expect(hs.rateLimited).toBe(0);
    expect(hs.requests).toBe(12);
    expect(world.time.slept.length).toBeGreaterThan(0);
  });

  it('task owners: /crm/owners/2026-03 by email, an archived owner (a deactivated user) is never chosen', async () => {
    const hs = world.emulator.state.hubspot;
    const adapter = hubspotAdapter(
      new HubSpotClient(world.config.hubspot!, new RollingWindowLimiter(90, 10_000, world.time), world.time),
      'hubspot:4242',
    );
    hs.owners.set('80', {
      id: '80',
      firstName: 'Sam',
      lastName: 'Gone',
      email: 'sam@vendor.example',
      archived: true,
    });
    expect(await adapter.findUserByEmail('sam@vendor.example')).toBeNull();
    // The same person came back as a new active user: that owner, not the archived one.
    hs.owners.set('81', { id: '81', firstName: 'Sam', lastName: 'Back', email: 'sam@vendor.example' });
    expect(await adapter.findUserByEmail('SAM@vendor.example')).toEqual({ id: '81', name: 'Sam Back' });
  });

  it("backs off on a 429 with HubSpot's rate-limit body and then succeeds", async () => {
    const hs = world.emulator.state.hubspot;
    hs.force429 = 2;
    const adapter = hubspotAdapter(
      new HubSpotClient(world.config.hubspot!, new RollingWindowLimiter(90, 10_000, world.time), world.time),
      'hubspot:4242',
    );
    const read = await adapter.readField(world.ids.dealId, 'description');
    expect(read.value).toBeNull();
    expect(hs.rateLimited).toBe(2);
    expect(world.time.slept).toEqual([1000, 1000]);
  });

  it("a revoked token is an auth error with HubSpot's words", async () => {
    world.emulator.state.hubspot.token = 'pat-na1-rotated-token';
    const adapter = hubspotAdapter(
      new HubSpotClient(world.config.hubspot!, new RollingWindowLimiter(90, 10_000, world.time), world.time),
      'hubspot:4242',
    );
    await expect(adapter.getDeal(world.ids.dealId)).rejects.toMatchObject({
      kind: 'auth',
      message: 'Authentication credentials not found.',
    });
  });
});
