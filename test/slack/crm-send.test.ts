import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deal } from '../../src/domain/deals.js';
import { sfTime } from '../../src/sandbox/crm/state.js';
import { linkDealToCrm } from '../../src/services/crm/link.js';
import { CRM_IDS } from '../../src/slack/views/crm-ids.js';
import { type CrmWorld, startCrmWorld } from '../support/crm-fixtures.js';
import { testEngines } from '../support/databases.js';
import { addEntry, everything, linkDeal } from '../support/deal-fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { openModal } from '../support/modals.js';
import { waitFor } from '../support/wait.js';

const OPP = '006000000000001AAA';

describe.each(testEngines())(
  'Send to CRM end to end on $name (Salesforce through jsforce, against the emulators)',
  (engine) => {
    let world: CrmWorld;
    let t: TestApp;
    let deal: Deal;
    beforeAll(async () => {
      world = await startCrmWorld();
      world.time.ms = Date.now();
      t = await startTestApp({ engine, crm: world.config });
      deal = await linkDeal(t, { accountName: 'Acme Corp', dealName: 'Routing 2027' });
      const dana = await t.repos.stakeholders.findOrCreate({
        teamId: t.ids.team,
        dealId: deal.id,
        name: 'Dana Diaz',
        title: 'CFO',
        buyingRole: 'economic_buyer',
      });
      await addEntry(t, deal, {
        kind: 'driver',
        statement: 'Shipments lose three days',
        quote: 'we lose three days at every border',
        stakeholderId: dana.id,
      });
      await addEntry(t, deal, {
        kind: 'success_factor',
        statement: '95% on time by Q3',
        priority: 'high',
        stakeholderId: dana.id,
      });
      await addEntry(t, deal, { kind: 'proposal', statement: 'Our routing module' });
      for (const title of ['Pilot scope', 'Budget owner for 2027']) {
        await t.repos.decisions.create({
          teamId: t.ids.team,
          dealId: deal.id,
          title,
          createdBy: t.ids.rep,
          customerOwnerId: dana.id,
          dueDate: '2026-12-15',
          ourOwnerUserId: t.ids.rep,
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
          ref: { provider: 'salesforce', recordId: OPP },
        },
      );
      expect(linked.ok).toBe(true);
      await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'draft' });
      await waitFor('the draft', () =>
        t.repos.drafts.latest(t.ids.team, deal.id).then((v) => v ?? undefined),
      );
    });
    afterAll(async () => {
      await t?.close();
      await world?.close();
    });

    const sf = () => world.emulator.state.salesforce;
    const opp = () => sf().tables.Opportunity?.get(OPP) ?? {};
    const notes = () =>
      [...(sf().tables.ContentDocumentLink?.values() ?? [])].filter((l) => l.LinkedEntityId === OPP);
    const tasks = () => [...(sf().tables.Task?.values() ?? [])].filter((x) => x.WhatId === OPP);
    const reports = (pattern: RegExp) =>
      t.emulator.state.ephemeralsFor(t.ids.rep, t.ids.dealAcme).filter((m) => pattern.test(everything(m)));
    const nextReport = async (before: number, pattern = /Sent to Salesforce/) =>
      waitFor('the send report', () =>
        reports(pattern).length > before ? reports(pattern).at(-1) : undefined,
      );

    it('writes one note and one task per open decision, exactly once across retries and double clicks', async () => {
      await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'crm send' });
      const first = await nextReport(0);
      expect(everything(first)).toContain('Note* (draft v1): created');
      expect(notes()).toHaveLength(1);
      const noteId = String(notes()[0]?.ContentDocumentId);
      const body = Buffer.from(String(sf().tables.ContentNote?.get(noteId)?.Content), 'base64').toString(
        'utf8',
      );
      expect(body).toContain('we lose three days at every border');
      expect(body).not.toContain('Our routing module');
      expect(
        tasks()
          .map((x) => x.Subject)
          .sort(),
      ).toEqual(['Customer decision: Budget owner for 2027', 'Customer decision: Pilot scope']);
      expect(
        tasks().every(
          (x) =>
            x.WhoId === '003000000000001AAA' &&
            x.ActivityDate === '2026-12-15' &&
            x.OwnerId === '005000000000001AAA',
        ),
      ).toBe(true);

      // A retry of the command and a double click on the panel's button.
      await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'crm' });
      const panel = await waitFor('the panel', () => reports(/Send latest draft to CRM/).at(-1));
      await Promise.all([
        t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'crm send' }),
        t.driver.clickButton(panel.ts, CRM_IDS.send, t.ids.rep),
        t.driver.clickButton(panel.ts, CRM_IDS.send, t.ids.rep),
      ]);
      await waitFor('three more reports', () =>
        reports(/Sent to Salesforce/).length >= 4 ? true : undefined,
      );
      expect(notes()).toHaveLength(1);
      expect(tasks()).toHaveLength(2);
      expect(everything(reports(/Sent to Salesforce/).at(-1)!)).toContain('already in the CRM');
      const log = (await t.repos.crm.listWrites(t.ids.team, deal.id)).filter((w) => w.status === 'done');
      expect(log.map((w) => w.action).sort()).toEqual(['note', 'task', 'task']);
      expect(log.every((w) => w.userId === t.ids.rep)).toBe(true);
    });

    it('fills an empty mapped field, leaves a typed one alone, and replaces it only after the confirm modal', async () => {
      const base = { teamId: t.ids.team, provider: 'salesforce' as const, mappedBy: t.ids.manager };
      await t.repos.crm.saveMapping({
        ...base,
        source: 'drivers',
        field: 'Next_Step_Notes__c',
        fieldLabel: 'Next step notes',
      });
      await t.repos.crm.saveMapping({
        ...base,
        source: 'decision_criteria',
        field: 'Decision_Criteria__c',
        fieldLabel: 'Decision criteria',
      });
      const before = reports(/Sent to Salesforce/).length;
      await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'crm send' });
      const report = await nextReport(before);
      expect(opp().Next_Step_Notes__c).toBe('- "we lose three days at every border"');
      expect(opp().Decision_Criteria__c).toBe('Must run on-prem');
      expect(everything(report)).toContain(
        'Decision criteria: holds something else; left as is until you review it',
      );

      await t.driver.clickButton(report.ts, `${CRM_IDS.reviewOverwrite}:decision_criteria`, t.ids.rep);
      const modal = await openModal(t, t.ids.rep, CRM_IDS.overwriteView);
      const shown = JSON.stringify(modal.definition.blocks);
      expect(shown).toContain('Must run on-prem');
      expect(shown).toContain('95% on time by Q3');
      expect(opp().Decision_Criteria__c).toBe('Must run on-prem');
      await t.driver.submitView(modal.id, {});
      await waitFor('the replacement', () =>
        opp().Decision_Criteria__c === '- 95% on time by Q3' ? true : undefined,
      );
      const write = await waitFor('the audit line', async () =>
        (await t.repos.crm.listWrites(t.ids.team, deal.id)).find(
          (w) => w.target === 'Decision_Criteria__c' && w.status === 'done',
        ),
      );
      expect(write).toMatchObject({
        before: 'Must run on-prem',
        after: '- 95% on time by Q3',
        userId: t.ids.rep,
      });
    });

    it('a change made in the CRM after the review wins: nothing is overwritten and the rep is told', async () => {
      sf().tables.Opportunity?.set(OPP, {
        ...opp(),
        Decision_Criteria__c: 'SOC 2 report',
        LastModifiedDate: sfTime(new Date(Date.now() - 5_000)),
      });
      const before = reports(/Sent to Salesforce/).length;
      await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'crm send' });
      const report = await nextReport(before);
      await t.driver.clickButton(report.ts, `${CRM_IDS.reviewOverwrite}:decision_criteria`, t.ids.rep);
      const modal = await openModal(t, t.ids.rep, CRM_IDS.overwriteView);
      // The AE edits the opportunity in Salesforce while the modal is open.
      sf().tables.Opportunity?.set(OPP, {
        ...opp(),
        Decision_Criteria__c: 'SOC 2 report and SSO',
        LastModifiedDate: sfTime(new Date(Date.now() + 2_000)),
      });
      await t.driver.submitView(modal.id, {});
      await waitFor('the stale notice', () =>
        reports(/was not replaced: someone changed this record/).at(-1),
      );
      expect(opp().Decision_Criteria__c).toBe('SOC 2 report and SSO');
      expect((await t.repos.crm.listWrites(t.ids.team, deal.id))[0]).toMatchObject({
        status: 'stale',
        target: 'Decision_Criteria__c',
      });
    });

    it('a validation rule error reaches the rep word for word, and the audit log shows it', async () => {
      const rule = 'Decision criteria must reference the signed MEDDICC worksheet (VR_DC_01)';
      sf().validationRules.push((object, fields) =>
        object === 'Opportunity' && 'Decision_Criteria__c' in fields ? rule : null,
      );
      const before = reports(/Sent to Salesforce/).length;
      await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'crm send' });
      const report = await nextReport(before);
      await t.driver.clickButton(report.ts, `${CRM_IDS.reviewOverwrite}:decision_criteria`, t.ids.rep);
      const modal = await openModal(t, t.ids.rep, CRM_IDS.overwriteView);
      await t.driver.submitView(modal.id, {});
      const told = await waitFor('the refusal', () => reports(/was not replaced\. The CRM said/).at(-1));
      expect(told.text).toContain(rule);
      await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'crm log' });
      const log = await waitFor('the audit log', () => reports(/CRM writes for this deal/).at(-1));
      expect(everything(log)).toContain('refused by the CRM');
      expect(everything(log)).toContain('VR_DC_01');
    });
  },
);
