import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SETUP_FORM as F, VIEW_IDS } from '../../src/slack/views/ids.js';
import { testEngines } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { settle, waitFor } from '../support/wait.js';

const topModal = (t: TestApp, userId: string, skip?: string) =>
  waitFor('a modal', () => {
    const view = t.emulator.state.views.top(userId);
    return view?.open && view.id !== skip && view.definition.callback_id === VIEW_IDS.setupDeal
      ? view
      : undefined;
  });

const validValues = {
  [F.accountName]: 'Acme Corp',
  [F.dealName]: 'Routing 2027',
  [F.stage]: 'qualification',
  [F.owner]: 'U0REP',
  [F.crmUrl]: 'https://crm.example.com/deals/42',
};

describe.each(testEngines())('deal setup, end to end on $name', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ engine });
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    for (const user of [t.ids.rep, t.ids.manager, t.ids.engineer]) t.emulator.state.views.clear(user);
  });

  it('/vision setup opens the modal; submit stores the deal, confirms in the channel, refreshes Home', async () => {
    await t.driver.slashCommand({ userId: t.ids.manager, channelId: t.ids.dealAcme, text: 'setup' });
    const view = await topModal(t, t.ids.manager);
    const blocks = JSON.stringify(view.definition.blocks);
    expect(blocks).toContain('"initial_user":"U0MGR"');
    expect(blocks).toContain('closed won');

    const result = await t.driver.submitView(view.id, validValues);
    expect(result.outcome).toBe('close');

    const deal = await t.repos.deals.getByChannel(t.ids.team, t.ids.dealAcme);
    expect(deal).toMatchObject({
      accountName: 'Acme Corp',
      dealName: 'Routing 2027',
      stage: 'qualification',
      ownerUserId: t.ids.rep,
      crmUrl: 'https://crm.example.com/deals/42',
    });
    const posted = await waitFor('the confirmation', () =>
      t.emulator.state.messages(t.ids.dealAcme).find((m) => m.text.startsWith('Deal linked')),
    );
    expect(posted.text).toBe('Deal linked: Acme Corp - Routing 2027 (qualification), owner <@U0REP>');
    const home = await waitFor('the owner Home', () => t.emulator.state.views.home(t.ids.rep));
    expect(JSON.stringify(home.definition.blocks)).toContain('Acme Corp - Routing 2027');
  });

  it('reopening /vision setup prefills the deal and an edit says "Deal updated"', async () => {
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'setup' });
    const view = await topModal(t, t.ids.rep);
    expect(view.definition.title).toMatchObject({ text: 'Edit deal' });
    expect(JSON.stringify(view.definition.blocks)).toContain('"initial_value":"Routing 2027"');
    await t.driver.submitView(view.id, { [F.stage]: 'solution' });
    const updated = await waitFor('the update', () =>
      t.emulator.state.messages(t.ids.dealAcme).find((m) => m.text.startsWith('Deal updated')),
    );
    expect(updated.text).toContain('(solution)');
    expect((await t.repos.deals.list(t.ids.team)).length).toBe(1);
  });

  it('shows inline errors for an empty account name and a bad CRM link, and saves nothing', async () => {
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealGlobex, text: 'setup' });
    const view = await topModal(t, t.ids.rep);
    const result = await t.driver.submitView(view.id, {
      ...validValues,
      [F.accountName]: '   ',
      [F.crmUrl]: 'javascript:alert(1)',
    });
    expect(result.outcome).toBe('errors');
    expect(result.errors?.[F.accountName]).toMatch(/account name/);
    expect(result.errors?.[F.crmUrl]).toMatch(/http/);
    expect(await t.repos.deals.getByChannel(t.ids.team, t.ids.dealGlobex)).toBeNull();

    const notALink = await t.driver.submitView(view.id, { ...validValues, [F.crmUrl]: 'crm deal 42' });
    expect(notALink.errors?.[F.crmUrl]).toMatch(/not a link/);
    expect(await t.repos.deals.getByChannel(t.ids.team, t.ids.dealGlobex)).toBeNull();
  });

  it('saves a retried submission once, and joins a channel it is not in to confirm', async () => {
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealGlobex, text: 'setup' });
    const view = await topModal(t, t.ids.rep);
    const values = { ...validValues, [F.accountName]: 'Globex', [F.dealName]: 'Analytics pilot' };
    const first = await t.driver.submitView(view.id, values);
    expect(first.outcome).toBe('close');
    // Slack retries the same view (same view id) after a timeout, or the user double-clicks.
    t.emulator.state.views.get(view.id)!.open = true;
    const retry = await t.driver.submitView(view.id, values);
    expect(retry.outcome).toBe('close');
    await waitFor('the confirmation', () =>
      t.emulator.state.messages(t.ids.dealGlobex).find((m) => m.text.startsWith('Deal linked: Globex')),
    );
    await settle();
    const confirmations = t.emulator.state
      .messages(t.ids.dealGlobex)
      .filter((m) => m.text.startsWith('Deal'));
    expect(confirmations).toHaveLength(1);
    expect(t.emulator.state.isMember(t.ids.dealGlobex, t.ids.botUser)).toBe(true);
    const deals = (await t.repos.deals.list(t.ids.team)).filter((d) => d.channelId === t.ids.dealGlobex);
    expect(deals).toHaveLength(1);
  });

  it('the "Set up this deal" button of the not-linked answer opens the same modal', async () => {
    t.emulator.state.addChannel({ id: 'C0DEALNEW', name: 'deal-new', members: [t.ids.rep, t.ids.botUser] });

    // A command that needs a deal, in an unlinked channel, answers with the Set-up button.
    const { notLinkedMessage } = await import('../../src/slack/views/not-linked.js');
    const message = notLinkedMessage();
    const ephemeral = t.emulator.state.addEphemeral({
      channel: 'C0DEALNEW',
      user: t.ids.rep,
      ts: t.emulator.state.nextTs(),
      text: message.text,
      blocks: message.blocks as never,
      source: 'api',
    });
    await t.driver.clickButton(ephemeral.ts, 'setup_deal', t.ids.rep);
    const view = await topModal(t, t.ids.rep);
    expect(JSON.parse(String(view.definition.private_metadata))).toEqual({ channelId: 'C0DEALNEW' });
    await t.driver.submitView(view.id, { ...validValues, [F.accountName]: 'Newco' });
    const deal = await waitFor('the new deal', () => t.repos.deals.getByChannel(t.ids.team, 'C0DEALNEW'));
    expect(deal.accountName).toBe('Newco');
  });
});
