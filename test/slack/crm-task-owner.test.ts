import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrmProvider } from '../../src/domain/crm/types.js';
import type { Deal } from '../../src/domain/deals.js';
import { linkDealToCrm } from '../../src/services/crm/link.js';
import { type CrmWorld, startCrmWorld } from '../support/crm-fixtures.js';
import { addEntry, everything, linkDeal } from '../support/deal-fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

interface Case {
  provider: CrmProvider;
  recordId: string;
  label: string;
  dealOwner: string;
  /** Adds a CRM user with this email; returns its CRM id. */
  addCrmUser(world: CrmWorld, email: string): string;
  /** The CRM owner of each task, by subject. */
  taskOwners(world: CrmWorld): Record<string, string | null>;
}

const CASES: Case[] = [
  {
    provider: 'salesforce',
    recordId: '006000000000001AAA',
    label: 'Salesforce',
    dealOwner: '005000000000001AAA',
    addCrmUser(world, email) {
      const users = world.emulator.state.salesforce.tables.User;
      users?.set('005000000000003AAA', {
        Id: '005000000000003AAA',
        Name: 'Sam Engineer',
        Email: email,
        IsActive: true,
      });
      // An inactive user with the manager's email must not get tasks.
      users?.set('005000000000004AAA', {
        Id: '005000000000004AAA',
        Name: 'Former Manager',
        Email: 'morgan.manager@example.com',
        IsActive: false,
      });
      return '005000000000003AAA';
    },
    taskOwners: (world) =>
      Object.fromEntries(
        [...(world.emulator.state.salesforce.tables.Task?.values() ?? [])].map((x) => [
          String(x.Subject),
          x.OwnerId ? String(x.OwnerId) : null,
        ]),
      ),
  },
  {
    provider: 'hubspot',
    recordId: '9001',
    label: 'HubSpot',
    dealOwner: '77',
    addCrmUser(world, email) {
      world.emulator.state.hubspot.owners.set('88', {
        id: '88',
        firstName: 'Sam',
        lastName: 'Engineer',
        email,
      });
      return '88';
    },
    taskOwners: (world) =>
      Object.fromEntries(
        [...world.emulator.state.hubspot.tasks.values()].map((x) => [
          String(x.properties.hs_task_subject),
          x.properties.hubspot_owner_id ?? null,
        ]),
      ),
  },
];

describe.each(CASES)('Each decision task goes to its owner in $label, matched by email', (c) => {
  let world: CrmWorld;
  let t: TestApp;
  let deal: Deal;
  let engineerCrmId: string;
  beforeAll(async () => {
    world = await startCrmWorld();
    world.time.ms = Date.now();
    t = await startTestApp({ crm: world.config });
    const engineerEmail = t.emulator.state.users.get(t.ids.engineer)?.email ?? '';
    expect(engineerEmail).toContain('@');
    // Slack gives the address in lower case; the CRM stored it capitalised.
    engineerCrmId = c.addCrmUser(
      world,
      engineerEmail.replace(/^./, (x) => x.toUpperCase()),
    );
    deal = await linkDeal(t, { accountName: 'Acme Corp', dealName: 'Routing 2027' });
    await addEntry(t, deal, { kind: 'driver', statement: 'Shipments lose three days' });
    const owners: [string, string | null][] = [
      ['Security review', t.ids.engineer],
      ['Budget sign-off', t.ids.manager],
      ['Pilot scope', null],
    ];
    for (const [title, ourOwnerUserId] of owners) {
      await t.repos.decisions.create({
        teamId: t.ids.team,
        dealId: deal.id,
        title,
        createdBy: t.ids.rep,
        dueDate: '2026-12-15',
        ourOwnerUserId,
      });
    }
    const crm = t.app.deps.crm;
    if (!crm) throw new Error('CRM not wired');
    const linked = await linkDealToCrm(
      { repos: t.repos, crm, clock: () => new Date() },
      {
        teamId: t.ids.team,
        dealId: deal.id,
        userId: t.ids.rep,
        ref: { provider: c.provider, recordId: c.recordId },
      },
    );
    expect(linked.ok).toBe(true);
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'draft' });
    await waitFor('the draft', () => t.repos.drafts.latest(t.ids.team, deal.id).then((v) => v ?? undefined));
  });
  afterAll(async () => {
    await t?.close();
    await world?.close();
  });

  it('assigns the CRM user with the same email; otherwise the deal owner, with the reason in the audit log', async () => {
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'crm send' });
    const report = await waitFor('the send report', () =>
      t.emulator.state
        .ephemeralsFor(t.ids.rep, t.ids.dealAcme)
        .find((m) => everything(m).includes(`Sent to ${c.label}`)),
    );
    expect(c.taskOwners(world)).toEqual({
      'Customer decision: Security review': engineerCrmId,
      'Customer decision: Budget sign-off': c.dealOwner,
      'Customer decision: Pilot scope': c.dealOwner,
    });

    const writes = await t.repos.crm.listWrites(t.ids.team, deal.id);
    const noteOf = (title: string) => writes.find((w) => w.after === `Customer decision: ${title}`)?.message;
    expect(noteOf('Security review')).toBeNull();
    expect(noteOf('Budget sign-off')).toBe(
      `Assigned to the ${c.provider === 'salesforce' ? 'opportunity' : 'deal'} owner (Riley Rep): no single active ${c.label} user has the decision owner's email (morgan.manager@example.com).`,
    );
    expect(noteOf('Pilot scope')).toMatch(/owner \(Riley Rep\): the decision has no owner on our side\.$/);
    expect(writes.every((w) => w.status === 'done')).toBe(true);

    // The rep sees why in the report, and in /vision crm log.
    expect(everything(report)).toContain('no single active');
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'crm log' });
    await waitFor('the audit log', () =>
      t.emulator.state
        .ephemeralsFor(t.ids.rep, t.ids.dealAcme)
        .find((m) => everything(m).includes('the decision has no owner on our side')),
    );
  });
});
