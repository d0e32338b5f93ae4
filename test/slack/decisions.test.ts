import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Deal } from '../../src/domain/deals.js';
import {
  DECISION_ACTIONS,
  DECISION_OUTCOME_FORM,
  DECISION_FORM as F,
  VIEW_IDS,
} from '../../src/slack/views/ids.js';
import { testEngines } from '../support/databases.js';
import { addEntry, linkDeal } from '../support/deal-fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { openModal } from '../support/modals.js';
import { settle, waitFor } from '../support/wait.js';

// Fixed clock: 2030-06-10 12:00 UTC. For the rep (New York) today is 2030-06-10.
const NOW = new Date('2030-06-10T12:00:00Z');

const lastEphemeral = (t: TestApp, userId: string, contains: string) =>
  waitFor(`an ephemeral with "${contains}"`, () =>
    t.emulator.state
      .ephemeralsFor(userId)
      .filter((m) => `${m.text}${JSON.stringify(m.blocks ?? [])}`.includes(contains))
      .at(-1),
  );

describe.each(testEngines())('decisions, end to end on $name', (engine) => {
  let t: TestApp;
  let deal: Deal;
  beforeAll(async () => {
    t = await startTestApp({ engine, clock: () => NOW });
    deal = await linkDeal(t, { accountName: 'Acme', dealName: 'Routing 2027' });
    await addEntry(t, deal, {
      kind: 'driver',
      statement: 'Cross-border shipments take three days too long',
      priority: 'high',
    });
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    t.emulator.state.views.clear(t.ids.rep);
  });

  it('/vision decision [text] opens a prefilled modal; a past due date is refused inline; then saved once', async () => {
    await t.driver.slashCommand({
      userId: t.ids.rep,
      channelId: t.ids.dealAcme,
      text: 'decision Pick a pilot region',
    });
    const view = await openModal(t, t.ids.rep, VIEW_IDS.logDecision);
    const blocks = JSON.stringify(view.definition.blocks);
    expect(blocks).toContain('"initial_value":"Pick a pilot region"');
    expect(blocks).toContain('Business driver: Cross-border shipments');
    const [entry] = await t.repos.entries.listByDeal(t.ids.team, deal.id);

    const past = await t.driver.submitView(view.id, {
      [F.customerOwnerName]: 'Dana Lee',
      [F.dueDate]: '2030-06-09',
    });
    expect(past.outcome).toBe('errors');
    expect(past.errors?.[F.dueDate]).toMatch(/past/);
    expect(await t.repos.decisions.listByDeal(t.ids.team, deal.id)).toEqual([]);

    const values = {
      [F.customerOwnerName]: 'Dana Lee',
      [F.dueDate]: '2030-06-10',
      [F.relatedEntries]: [String(entry!.id)],
    };
    expect((await t.driver.submitView(view.id, values)).outcome).toBe('close');
    t.emulator.state.views.get(view.id)!.open = true;
    expect((await t.driver.submitView(view.id, values)).outcome).toBe('close');

    const saved = await t.repos.decisions.listByDeal(t.ids.team, deal.id);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      title: 'Pick a pilot region',
      ourOwnerUserId: t.ids.rep,
      dueDate: '2030-06-10',
      status: 'open',
      relatedEntryIds: [entry!.id],
    });
    const dana = await t.repos.stakeholders.getById(t.ids.team, saved[0]!.customerOwnerId!);
    expect(dana?.name).toBe('Dana Lee');
    await waitFor('the channel line', () =>
      t.emulator.state
        .messages(t.ids.dealAcme)
        .find((m) => m.text.startsWith('Decision to make: Pick a pilot region')),
    );
    await settle();
    expect(
      t.emulator.state.messages(t.ids.dealAcme).filter((m) => m.text.startsWith('Decision to make')),
    ).toHaveLength(1);
  });

  it('/vision decisions lists open decisions; Mark decided asks the outcome and updates the decision', async () => {
    const overdue = await t.repos.decisions.create({
      teamId: t.ids.team,
      dealId: deal.id,
      title: 'Approve the budget <!channel>',
      createdBy: t.ids.rep,
      dueDate: '2030-06-01',
    });
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'decisions' });
    const list = await lastEphemeral(t, t.ids.rep, 'Open decisions');
    const text = JSON.stringify(list.blocks);
    expect(text).toContain('Pick a pilot region');
    expect(text).toContain('Dana Lee');
    expect(text).toContain('overdue');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).not.toContain('<!channel>');

    await t.driver.clickButton(list.ts, DECISION_ACTIONS.menu, t.ids.rep, {
      blockId: `decision_${overdue.id}`,
      value: `decided:${overdue.id}`,
    });
    const outcomeView = await openModal(t, t.ids.rep, VIEW_IDS.decisionOutcome);
    const empty = await t.driver.submitView(outcomeView.id, { [DECISION_OUTCOME_FORM.outcome]: ' ' });
    expect(empty.outcome).toBe('errors');
    await t.driver.submitView(outcomeView.id, { [DECISION_OUTCOME_FORM.outcome]: 'Budget approved for Q3' });
    const decided = await waitFor('decided', async () => {
      const d = await t.repos.decisions.getById(t.ids.team, overdue.id);
      return d?.status === 'decided' ? d : undefined;
    });
    expect(decided.outcome).toBe('Budget approved for Q3');
    await waitFor('the decided line', () =>
      t.emulator.state.messages(t.ids.dealAcme).find((m) => m.text.startsWith('Decided: Approve the budget')),
    );
    // The list the user acted on was refreshed without the decided one.
    const refreshed = await lastEphemeral(t, t.ids.rep, 'Decided: Approve');
    expect(JSON.stringify(refreshed.blocks)).not.toContain(`decision_${overdue.id}`);
  });

  it('Dropped closes a decision and Edit opens the prefilled modal', async () => {
    const a = await t.repos.decisions.create({
      teamId: t.ids.team,
      dealId: deal.id,
      title: 'Choose a carrier',
      createdBy: t.ids.rep,
    });
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'decisions' });
    const list = await lastEphemeral(t, t.ids.rep, 'Choose a carrier');
    await t.driver.clickButton(list.ts, DECISION_ACTIONS.menu, t.ids.rep, {
      blockId: `decision_${a.id}`,
      value: `edit:${a.id}`,
    });
    const edit = await openModal(t, t.ids.rep, VIEW_IDS.editDecision);
    expect(JSON.stringify(edit.definition.blocks)).toContain('"initial_value":"Choose a carrier"');
    await t.driver.submitView(edit.id, { [F.title]: 'Choose a carrier for EU lanes' });
    await waitFor('edited', async () =>
      (await t.repos.decisions.getById(t.ids.team, a.id))?.title.endsWith('EU lanes'),
    );

    await t.driver.clickButton(list.ts, DECISION_ACTIONS.menu, t.ids.rep, {
      blockId: `decision_${a.id}`,
      value: `dropped:${a.id}`,
    });
    await waitFor(
      'dropped',
      async () => (await t.repos.decisions.getById(t.ids.team, a.id))?.status === 'dropped',
    );
  });

  it("refuses a forged action value pointing at another team's decision, and changes nothing", async () => {
    const otherDeal = await linkDeal(t, {
      teamId: 'T0OTHER',
      accountName: 'Secret',
      dealName: 'Other team',
      ownerUserId: 'U0OTHER',
    });
    const theirs = await t.repos.decisions.create({
      teamId: 'T0OTHER',
      dealId: otherDeal.id,
      title: 'Their secret',
      createdBy: 'U0OTHER',
    });
    const mine = await t.repos.decisions.create({
      teamId: t.ids.team,
      dealId: deal.id,
      title: 'Ours',
      createdBy: t.ids.rep,
    });
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'decisions' });
    const list = await lastEphemeral(t, t.ids.rep, 'Ours');
    const forged = {
      selected_option: { text: { type: 'plain_text', text: 'Dropped' }, value: `dropped:${theirs.id}` },
    };
    await t.driver.clickButton(list.ts, DECISION_ACTIONS.menu, t.ids.rep, {
      blockId: `decision_${mine.id}`,
      value: forged,
    });
    await lastEphemeral(t, t.ids.rep, "couldn't find that decision");
    expect((await t.repos.decisions.getById('T0OTHER', theirs.id))?.status).toBe('open');
    expect((await t.repos.decisions.getById(t.ids.team, mine.id))?.status).toBe('open');

    // A decision of this team but of another deal (another channel) is refused too.
    const globex = await linkDeal(t, {
      channelId: t.ids.dealGlobex,
      accountName: 'Globex',
      dealName: 'Pilot',
    });
    const elsewhere = await t.repos.decisions.create({
      teamId: t.ids.team,
      dealId: globex.id,
      title: 'Elsewhere',
      createdBy: t.ids.rep,
    });
    const forgedOther = {
      selected_option: { text: { type: 'plain_text', text: 'Dropped' }, value: `dropped:${elsewhere.id}` },
    };
    await t.driver.clickButton(list.ts, DECISION_ACTIONS.menu, t.ids.rep, {
      blockId: `decision_${mine.id}`,
      value: forgedOther,
    });
    await settle();
    expect((await t.repos.decisions.getById(t.ids.team, elsewhere.id))?.status).toBe('open');
  });

  it('in a channel that is not linked, /vision decisions answers with the Set-up button', async () => {
    await t.driver.slashCommand({ userId: t.ids.engineer, channelId: t.ids.general, text: 'decisions' });
    const reply = await lastEphemeral(t, t.ids.engineer, 'not linked');
    expect(JSON.stringify(reply.blocks)).toContain('setup_deal');
  });
});
