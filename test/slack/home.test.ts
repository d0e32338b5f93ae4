import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deal } from '../../src/domain/deals.js';
import type { NewEntry } from '../../src/domain/entries.js';
import { MAX_HOME_RECAPS } from '../../src/services/home.js';
import { homeView } from '../../src/slack/views/home.js';
import { HOME_ACTIONS, VIEW_IDS } from '../../src/slack/views/ids.js';
import { LIMITS } from '../../src/slack/views/limits.js';
import { testEngines } from '../support/databases.js';
import { linkDeal } from '../support/deal-fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

const NOW = new Date('2030-06-10T12:00:00Z');

const entry = (
  deal: Deal,
  kind: NewEntry['kind'],
  statement: string,
  quote: string | null = null,
): NewEntry => ({
  teamId: deal.teamId,
  dealId: deal.id,
  createdBy: deal.ownerUserId,
  kind,
  statement,
  quote,
  stakeholderId: null,
  source: null,
  saidOn: null,
  priority: 'medium',
  status: 'unconfirmed',
  constraintCategory: kind === 'constraint' ? 'budget' : null,
  severity: kind === 'constraint' ? 'high' : null,
});

describe.each(testEngines())('App Home, end to end on $name', (engine) => {
  let t: TestApp;
  let deal: Deal;
  beforeAll(async () => {
    t = await startTestApp({ engine, clock: () => NOW });
    deal = await linkDeal(t, { accountName: 'Acme', dealName: 'Routing <2027>' });
    await t.repos.entries.create(
      entry(deal, 'driver', 'Shipments take three days too long', 'We lose three days'),
    );
    await t.repos.entries.create(entry(deal, 'driver', 'Carrier costs up 20%'));
    await t.repos.entries.create(entry(deal, 'success_factor', '95% on time by Q3'));
    await t.repos.entries.create(entry(deal, 'constraint', 'No new spend before March'));
    const archived = await t.repos.entries.create(entry(deal, 'constraint', 'Old constraint'));
    await t.repos.entries.setArchived(t.ids.team, archived.id, true, t.ids.rep);
    await t.repos.decisions.create({
      teamId: t.ids.team,
      dealId: deal.id,
      title: 'Pilot region',
      createdBy: t.ids.rep,
      dueDate: '2030-07-01',
    });
    await t.repos.decisions.create({
      teamId: t.ids.team,
      dealId: deal.id,
      title: 'Budget',
      createdBy: t.ids.rep,
      dueDate: '2030-06-01',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('app_home_opened publishes the user deals with counts and escaped names', async () => {
    await t.driver.openHome(t.ids.rep);
    const home = await waitFor('the Home tab', () => t.emulator.state.views.home(t.ids.rep));
    const text = JSON.stringify(home.definition.blocks);
    expect(text).toContain('Acme - Routing &lt;2027&gt;');
    expect(text).toContain(
      '2 drivers · 1 success factor · 1 constraint · 2 open decisions (:warning: 1 overdue)',
    );
    expect(text).toContain(`<#${t.ids.dealAcme}>`);

    // Someone who owns nothing gets a helpful empty state.
    await t.driver.openHome(t.ids.engineer);
    const empty = await waitFor('the empty Home', () => t.emulator.state.views.home(t.ids.engineer));
    expect(JSON.stringify(empty.definition.blocks)).toContain('/vision setup');
  });

  it('"Log an entry" opens the entry modal for that deal; "Open the list" shows the entries read-only', async () => {
    await t.driver.openHome(t.ids.rep);
    const home = await waitFor('the Home tab', () => t.emulator.state.views.home(t.ids.rep));
    await t.driver.clickButton(home.id, HOME_ACTIONS.logEntry, t.ids.rep);
    const log = await waitFor('the entry modal', () => {
      const top = t.emulator.state.views.top(t.ids.rep);
      return top?.definition.callback_id === VIEW_IDS.logEntry ? top : undefined;
    });
    expect(JSON.parse(String(log.definition.private_metadata))).toMatchObject({
      dealId: deal.id,
      channelId: t.ids.dealAcme,
    });
    t.emulator.state.views.clear(t.ids.rep);

    await t.driver.clickButton(home.id, HOME_ACTIONS.viewEntries, t.ids.rep);
    const list = await waitFor('the entries modal', () => {
      const top = t.emulator.state.views.top(t.ids.rep);
      return top?.definition.callback_id === VIEW_IDS.dealEntries ? top : undefined;
    });
    const text = JSON.stringify(list.definition.blocks);
    expect(text).toContain('Business drivers (2)');
    expect(text).toContain('> We lose three days');
    expect(text).not.toContain('Old constraint');
    // Quotes first within a kind.
    expect(text.indexOf('Shipments take three days')).toBeLessThan(text.indexOf('Carrier costs'));
  });
});

describe('home view builder', () => {
  it('stays within 100 blocks and says how many deals were left out', () => {
    const deals = Array.from({ length: 40 }, (_, i) => ({
      deal: {
        id: i + 1,
        teamId: 'T1',
        channelId: `C${i}`,
        accountName: `Account ${i}`,
        dealName: 'Deal',
        stage: 'discovery',
        ownerUserId: 'U1',
        crmUrl: null,
        stallDays: null,
        nudgesMuted: false,
        archived: false,
        createdAt: NOW,
        updatedAt: NOW,
      },
      drivers: 1,
      successFactors: 0,
      constraints: 0,
      openDecisions: 0,
      overdueDecisions: 0,
      lastActivity: NOW,
    }));
    const unfinishedRecaps = Array.from({ length: MAX_HOME_RECAPS }, (_, i) => ({
      id: i + 1,
      channelId: 'C1',
      title: `Call ${i + 1}`,
      failure: 'posting the recap in the channel',
      createdAt: NOW,
    }));
    const view = homeView({ unfinishedRecaps, deals, hidden: 5, today: '2030-06-10' });
    expect(view.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerHomeTab);
    expect(JSON.stringify(view.blocks)).toContain('Recaps not finished');
    const shown = view.blocks.filter((b) => b.type === 'actions').length;
    expect(JSON.stringify(view.blocks.at(-1))).toContain(`${45 - shown} more deals`);
  });
});
