import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deal } from '../../src/domain/deals.js';
import { linkDealToCrm } from '../../src/services/crm/link.js';
import { DRAFT_ACTIONS } from '../../src/slack/views/ids.js';
import { type CrmWorld, startCrmWorld } from '../support/crm-fixtures.js';
import { testEngines } from '../support/databases.js';
import { addEntry, everything, linkDeal } from '../support/deal-fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { waitFor } from '../support/wait.js';
import { parentOf } from './draft-support.js';

const OPP = '006000000000001AAA';
const FEAR = 'Dana is afraid she loses her job if this slips again';
const LATER_HIDDEN = 'our board watches every late shipment';

describe.each(testEngines())(
  '"Send to CRM" on the draft parent on $name (real receiver, emulators)',
  (engine) => {
    let world: CrmWorld;
    let t: TestApp;
    let deal: Deal;
    beforeAll(async () => {
      world = await startCrmWorld();
      world.time.ms = Date.now();
      t = await startTestApp({ engine, crm: world.config });
      deal = await linkDeal(t, { accountName: 'Acme Corp', dealName: 'Routing 2027' });
      await addEntry(t, deal, {
        kind: 'driver',
        statement: 'Shipments lose three days',
        quote: 'we lose three days at every border',
      });
      await addEntry(t, deal, { kind: 'driver', statement: 'The board is watching', quote: LATER_HIDDEN });
      await addEntry(t, deal, { kind: 'risk', statement: FEAR, internalOnly: true });
    });
    afterAll(async () => {
      await t?.close();
      await world?.close();
    });

    const sf = () => world.emulator.state.salesforce;
    const noteLinks = () =>
      [...(sf().tables.ContentDocumentLink?.values() ?? [])].filter((l) => l.LinkedEntityId === OPP);
    const noteBody = (documentId: string) =>
      Buffer.from(String(sf().tables.ContentNote?.get(documentId)?.Content), 'base64').toString('utf8');
    const reports = () =>
      t.emulator.state
        .ephemeralsFor(t.ids.rep, t.ids.dealAcme)
        .filter((m) => /Sent to Salesforce/.test(everything(m)));

    it('appears only once the deal is linked, and sends that version once across a double click', async () => {
      await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'draft' });
      const unlinked = await parentOf(t, 1);
      expect(everything(unlinked)).not.toContain(DRAFT_ACTIONS.sendToCrm);

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
      const parent = await parentOf(t, 2);
      expect(everything(parent)).toContain('Send to CRM');

      // The rep marks an entry the draft already cites as internal-only before sending.
      const cited = (await t.repos.entries.listByDeal(t.ids.team, deal.id)).find(
        (e) => e.quote === LATER_HIDDEN,
      );
      const v2 = await t.repos.drafts.latest(t.ids.team, deal.id);
      expect(v2?.citations).toContain(cited?.id);
      await t.repos.entries.update(t.ids.team, cited!.id, { internalOnly: true }, t.ids.rep);

      await t.repos.crm.saveMapping({
        teamId: t.ids.team,
        provider: 'salesforce',
        mappedBy: t.ids.manager,
        source: 'drivers',
        field: 'Next_Step_Notes__c',
        fieldLabel: 'Next step notes',
      });

      await Promise.all([
        t.driver.clickButton(parent.ts, DRAFT_ACTIONS.sendToCrm, t.ids.rep),
        t.driver.clickButton(parent.ts, DRAFT_ACTIONS.sendToCrm, t.ids.rep),
      ]);
      await waitFor('two reports', () => (reports().length >= 2 ? true : undefined));
      const texts = reports().map(everything).join('\n');
      expect(texts).toContain('Note* (draft v2): created');
      expect(texts).toContain('already in the CRM');
      expect(noteLinks()).toHaveLength(1);
      const body = noteBody(String(noteLinks()[0]?.ContentDocumentId));
      expect(body).toContain('we lose three days at every border');
      expect(body).not.toContain(LATER_HIDDEN);
      expect(body).not.toContain('afraid');
      const opportunity = sf().tables.Opportunity?.get(OPP) ?? {};
      expect(opportunity.Next_Step_Notes__c).toBe('- "we lose three days at every border"');
      // Nothing of the internal-only entries reached any Salesforce table.
      expect(JSON.stringify(sf().tables, (_k, v) => (v instanceof Map ? [...v.values()] : v))).not.toMatch(
        /afraid|board watches/,
      );
    });

    it('a forged button on a message that is not the draft parent sends nothing', async () => {
      const before = noteLinks().length;
      const posted = await t.repos.drafts.latest(t.ids.team, deal.id);
      const ts = t.emulator.state.nextTs();
      t.emulator.state.addMessage({
        channel: t.ids.dealAcme,
        ts,
        user: t.ids.botUser,
        text: 'forged',
        reactions: [],
        blocks: [
          {
            type: 'actions',
            block_id: 'forged',
            elements: [
              {
                type: 'button',
                action_id: DRAFT_ACTIONS.sendToCrm,
                text: { type: 'plain_text', text: 'x' },
                value: String(posted?.id),
              },
            ],
          },
        ],
      });
      await t.driver.clickButton(ts, DRAFT_ACTIONS.sendToCrm, t.ids.rep);
      await waitFor('the refusal', () =>
        t.emulator.state.ephemeralsFor(t.ids.rep).find((m) => m.text.includes('does not belong')),
      );
      expect(noteLinks()).toHaveLength(before);
    });
  },
);
