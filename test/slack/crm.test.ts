import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Deal } from '../../src/domain/deals.js';
import { sfTime } from '../../src/sandbox/crm/state.js';
import { CRM_IDS } from '../../src/slack/views/crm-ids.js';
import { SETUP_FORM as F, VIEW_IDS } from '../../src/slack/views/ids.js';
import { acmeSetupLinkedTo, type CrmWorld, startCrmWorld } from '../support/crm-fixtures.js';
import { everything } from '../support/deal-fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { openModal } from '../support/modals.js';
import { waitFor } from '../support/wait.js';

const OPP = '006000000000001AAA';

describe('CRM sync end to end: real receiver, Slack emulator, CRM emulator', () => {
  let world: CrmWorld;
  let t: TestApp;
  beforeAll(async () => {
    world = await startCrmWorld();
    // The app's own limiters run on real time; the emulator's clock only stamps records.
    world.time.ms = Date.now();
    t = await startTestApp({ crm: world.config });
  });
  afterAll(async () => {
    await t?.close();
    await world?.close();
  });
  beforeEach(() => {
    for (const user of [t.ids.rep, t.ids.manager]) t.emulator.state.views.clear(user);
  });

  const sf = () => world.emulator.state.salesforce;
  const opp = () => sf().tables.Opportunity?.get(OPP) ?? {};
  const privateTo = (userId: string, pattern: RegExp) =>
    waitFor(`a private message matching ${pattern}`, () =>
      t.emulator.state.ephemeralsFor(userId, t.ids.dealAcme).find((m) => pattern.test(everything(m))),
    );
  const deal = async (): Promise<Deal> => {
    const found = await t.repos.deals.getByChannel(t.ids.team, t.ids.dealAcme);
    if (!found) throw new Error('no deal');
    return found;
  };

  it('setup offers a typeahead over both CRMs and links the picked opportunity; stage comes from the CRM', async () => {
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'setup' });
    const view = await openModal(t, t.ids.rep, VIEW_IDS.setupDeal);
    expect(JSON.stringify(view.definition.blocks)).toContain(CRM_IDS.recordSearch);

    const suggestion = await t.driver.sendPayload({
      type: 'block_suggestion',
      user: { id: t.ids.rep, team_id: t.ids.team },
      team: { id: t.ids.team },
      action_id: CRM_IDS.recordSearch,
      block_id: CRM_IDS.setupBlock,
      value: 'routing',
      view: { id: view.id, type: 'modal' },
    });
    expect(suggestion.status).toBe(200);
    const values = (suggestion.body as { options: { value: string; text: { text: string } }[] }).options;
    expect(values.map((o) => o.value).sort()).toEqual(['hubspot:9001', `salesforce:${OPP}`]);
    expect(values.find((o) => o.value.startsWith('salesforce'))?.text.text).toBe(
      'Salesforce · Acme - Routing 2027 (Qualification)',
    );

    const result = await t.driver.submitView(view.id, acmeSetupLinkedTo(t, `salesforce:${OPP}`));
    expect(result.outcome).toBe('close');
    const panel = await waitFor('the linked panel', () =>
      t.emulator.state.messages(t.ids.dealAcme).find((m) => m.text.startsWith('Linked to Salesforce')),
    );
    expect(everything(panel)).toContain('120,000');
    expect(everything(panel)).toContain('2027-03-31');
    expect(everything(panel)).toContain('Dana Diaz (Economic Buyer)');
    expect((await deal()).stage).toBe('Qualification');
    expect(await t.repos.crm.getLink(t.ids.team, (await deal()).id)).toMatchObject({
      provider: 'salesforce',
      recordId: OPP,
    });
  });

  it('links by a pasted Lightning URL; a URL of a CRM that is not the record is refused nothing is guessed', async () => {
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'setup' });
    const view = await openModal(t, t.ids.rep, VIEW_IDS.setupDeal);
    await t.driver.submitView(view.id, {
      [F.crmUrl]: 'https://acme.lightning.force.com/lightning/r/Opportunity/006000000000002AAA/view',
    });
    await waitFor('the Globex link', async () => {
      const link = await t.repos.crm.getLink(t.ids.team, (await deal()).id);
      return link?.recordId === '006000000000002AAA' ? link : undefined;
    });
    expect((await deal()).stage).toBe('Prospecting');

    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'setup' });
    const again = await openModal(t, t.ids.rep, VIEW_IDS.setupDeal);
    const bad = await t.driver.submitView(again.id, {
      [CRM_IDS.setupBlock]: 'salesforce:00Q000000000001AAA',
    });
    expect(bad.outcome).toBe('close');
    await privateTo(
      t.ids.rep,
      /not linked to Salesforce: "00Q000000000001AAA" is not a Salesforce opportunity id/,
    );
    expect((await t.repos.crm.getLink(t.ids.team, (await deal()).id))?.recordId).toBe('006000000000002AAA');
  });

  it('/vision crm refresh re-reads the record: the CRM owns the stage', async () => {
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'setup' });
    const view = await openModal(t, t.ids.rep, VIEW_IDS.setupDeal);
    await t.driver.submitView(view.id, { [CRM_IDS.setupBlock]: `salesforce:${OPP}` });
    await waitFor('the Acme link', async () =>
      (await t.repos.crm.getLink(t.ids.team, (await deal()).id))?.recordId === OPP ? true : undefined,
    );
    sf().tables.Opportunity?.set(OPP, {
      ...opp(),
      StageName: 'Negotiation/Review',
      LastModifiedDate: sfTime(new Date()),
    });
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'crm refresh' });
    await waitFor('the new stage', async () =>
      (await deal()).stage === 'Negotiation/Review' ? true : undefined,
    );

    // Editing the setup (with a local stage picked) leaves the CRM-owned stage alone.
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'setup' });
    const edit = await openModal(t, t.ids.rep, VIEW_IDS.setupDeal);
    await t.driver.submitView(edit.id, { [F.stage]: 'discovery', [F.dealName]: 'Routing 2027 phase 1' });
    await waitFor('the edit', async () =>
      (await deal()).dealName === 'Routing 2027 phase 1' ? true : undefined,
    );
    await waitFor('the CRM stage kept', async () =>
      (await deal()).stage === 'Negotiation/Review' ? true : undefined,
    );
  });

  it("/vision crm map lists the CRM's writable fields and saves the mapping", async () => {
    await t.driver.slashCommand({ userId: t.ids.manager, channelId: t.ids.dealAcme, text: 'crm map' });
    const modal = await waitFor('the filled map modal', () => {
      const view = t.emulator.state.views.top(t.ids.manager);
      return view?.open &&
        view.definition.callback_id === CRM_IDS.mapView &&
        JSON.stringify(view.definition.blocks).includes('static_select')
        ? view
        : undefined;
    });
    const shown = JSON.stringify(modal.definition.blocks);
    expect(shown).toContain('Next_Step_Notes__c');
    expect(shown).not.toContain('LastModifiedDate');
    await t.driver.submitView(modal.id, { [`${CRM_IDS.mapBlockPrefix}drivers`]: 'Next_Step_Notes__c' });
    const mappings = await waitFor('the mapping', async () => {
      const list = await t.repos.crm.listMappings(t.ids.team, 'salesforce');
      return list.length ? list : undefined;
    });
    expect(mappings).toEqual([
      expect.objectContaining({ source: 'drivers', field: 'Next_Step_Notes__c', mappedBy: t.ids.manager }),
    ]);
  });

  const mapModalOf = (userId: string) =>
    waitFor('the filled map modal', () => {
      const view = t.emulator.state.views.top(userId);
      return view?.open &&
        view.definition.callback_id === CRM_IDS.mapView &&
        JSON.stringify(view.definition.blocks).includes('static_select')
        ? view
        : undefined;
    });

  it('/vision crm connect with a JWT integration user and a private-app token: nothing to connect, no link', async () => {
    await t.driver.slashCommand({
      userId: t.ids.manager,
      channelId: t.ids.dealAcme,
      text: 'crm connect salesforce',
    });
    await privateTo(t.ids.manager, /there is nothing to connect from Slack/);
    const res = await fetch(`${t.app.url}/crm/salesforce/connect?state=x`, { redirect: 'manual' });
    expect(res.status).not.toBe(302);
  });

  it('/vision crm map refuses anyone Slack does not call a workspace admin or owner, clearly and privately', async () => {
    const before = await t.repos.crm.listMappings(t.ids.team, 'salesforce');
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'crm map' });
    const refusal = await waitFor('the refusal', () =>
      t.emulator.state
        .ephemeralsFor(t.ids.rep, t.ids.dealAcme)
        .find((m) => /workspace admin or owner/.test(m.text)),
    );
    expect(refusal.text).toContain('Only a Slack workspace admin or owner');
    expect(t.emulator.state.views.top(t.ids.rep)).toBeUndefined();
    expect(t.emulator.state.messages(t.ids.dealAcme).some((m) => /workspace admin/.test(m.text))).toBe(false);
    expect(await t.repos.crm.listMappings(t.ids.team, 'salesforce')).toEqual(before);
  });

  it('a workspace owner may map fields; an admin who lost the role before saving changes nothing', async () => {
    const engineer = t.emulator.state.users.get(t.ids.engineer);
    if (!engineer) throw new Error('no engineer in the seed');
    engineer.isOwner = true;
    await t.driver.slashCommand({ userId: t.ids.engineer, channelId: t.ids.dealAcme, text: 'crm map' });
    const owned = await mapModalOf(t.ids.engineer);
    await t.driver.submitView(
      owned.id,
      { [`${CRM_IDS.mapBlockPrefix}success_factors`]: 'Next_Step_Notes__c' },
      t.ids.engineer,
    );
    await waitFor("the owner's mapping", async () =>
      (await t.repos.crm.listMappings(t.ids.team, 'salesforce')).find(
        (m) => m.source === 'success_factors' && m.mappedBy === t.ids.engineer,
      ),
    );

    const manager = t.emulator.state.users.get(t.ids.manager);
    if (!manager) throw new Error('no manager in the seed');
    await t.driver.slashCommand({ userId: t.ids.manager, channelId: t.ids.dealAcme, text: 'crm map' });
    const modal = await mapModalOf(t.ids.manager);
    const before = await t.repos.crm.listMappings(t.ids.team, 'salesforce');
    manager.isAdmin = false;
    try {
      const result = await t.driver.submitView(
        modal.id,
        { [`${CRM_IDS.mapBlockPrefix}constraints`]: 'Next_Step_Notes__c' },
        t.ids.manager,
      );
      expect(Object.values(result.errors ?? {}).join(' ')).toContain('Only a Slack workspace admin or owner');
      expect(await t.repos.crm.listMappings(t.ids.team, 'salesforce')).toEqual(before);
    } finally {
      manager.isAdmin = true;
      engineer.isOwner = false;
    }
  });
});
