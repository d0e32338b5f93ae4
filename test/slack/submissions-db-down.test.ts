import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Deal } from '../../src/domain/deals.js';
import {
  DECISION_FORM as D,
  ENTRY_FORM as E,
  RECAP_IDS,
  SETUP_FORM as S,
  VIEW_IDS,
} from '../../src/slack/views/ids.js';
import { breakRepository, startTestApp, type TestApp } from '../support/harness.js';
import { openModal } from '../support/modals.js';
import { waitFor } from '../support/wait.js';
import { linkDeal, NOW, openRecapModal, recapParents, recapValues } from './recap-support.js';

/**
 * The database fails while a rep submits a modal: the modal must stay open with every typed value and say that
 * nothing was saved; once the database is back, the same modal saves.
 */
describe('view submissions while the database fails', () => {
  let t: TestApp;
  let deal: Deal;
  beforeAll(async () => {
    t = await startTestApp({ clock: () => NOW });
    deal = await linkDeal(t);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    t.emulator.state.views.clear(t.ids.rep);
  });

  const expectKeptOpen = (result: Awaited<ReturnType<TestApp['driver']['submitView']>>, viewId: string) => {
    expect(result.status).toBe(200);
    expect(result.outcome).toBe('errors');
    expect(Object.values(result.errors ?? {}).join(' ')).toMatch(/nothing was saved/);
    expect(result.topView?.id).toBe(viewId);
    expect(result.topView?.open).toBe(true);
  };

  it('entry: kept open with its text, nothing saved; saved once the database is back', async () => {
    await t.driver.slashCommand({
      userId: t.ids.rep,
      channelId: t.ids.dealAcme,
      text: 'driver',
    });
    const view = await openModal(t, t.ids.rep, VIEW_IDS.logEntry);
    const broken = breakRepository(t, 'entries', 'create');
    const values = { [E.statement]: 'Cross-border delays cost three days' };
    const failed = await t.driver.submitView(view.id, values);
    broken.restore();
    expect(broken.calls()).toBe(1);
    expectKeptOpen(failed, view.id);
    expect(JSON.stringify(failed.topView?.values)).toContain('Cross-border delays cost three days');
    expect(t.logs.join('\n')).toContain('ECONNREFUSED');

    expect((await t.driver.submitView(view.id, values)).outcome).toBe('close');
    const saved = await t.repos.entries.listByDeal(t.ids.team, deal.id);
    expect(saved.filter((e) => e.statement === 'Cross-border delays cost three days')).toHaveLength(1);
  });

  it('decision: kept open, nothing saved', async () => {
    await t.driver.slashCommand({
      userId: t.ids.rep,
      channelId: t.ids.dealAcme,
      text: 'decision Pick a pilot region',
    });
    const view = await openModal(t, t.ids.rep, VIEW_IDS.logDecision);
    const broken = breakRepository(t, 'decisions', 'create');
    const failed = await t.driver.submitView(view.id, { [D.customerOwnerName]: 'Dana Lee' });
    broken.restore();
    expect(broken.calls()).toBe(1);
    expectKeptOpen(failed, view.id);
    expect(await t.repos.decisions.listByDeal(t.ids.team, deal.id)).toEqual([]);
    expect((await t.driver.submitView(view.id, { [D.customerOwnerName]: 'Dana Lee' })).outcome).toBe('close');
    expect(await t.repos.decisions.listByDeal(t.ids.team, deal.id)).toHaveLength(1);
  });

  it('setup: kept open, the deal is not changed', async () => {
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'setup' });
    const view = await openModal(t, t.ids.rep, VIEW_IDS.setupDeal);
    const broken = breakRepository(t, 'deals', 'upsertByChannel');
    const failed = await t.driver.submitView(view.id, { [S.accountName]: 'Acme Renamed' });
    broken.restore();
    expect(broken.calls()).toBe(1);
    expectKeptOpen(failed, view.id);
    expect((await t.repos.deals.getByChannel(t.ids.team, t.ids.dealAcme))?.accountName).toBe(
      deal.accountName,
    );
  });

  it('recap: kept open with the notes, no recap posted', async () => {
    const view = await openRecapModal(t);
    const broken = breakRepository(t, 'recapSubmissions', 'saveOnce');
    const failed = await t.driver.submitView(view.id, recapValues());
    broken.restore();
    expect(broken.calls()).toBe(1);
    expectKeptOpen(failed, view.id);
    expect(JSON.stringify(failed.topView?.values)).toContain(RECAP_IDS.notes);
    expect(recapParents(t)).toEqual([]);
  });
  it('a slash command that fails gives back what was typed (Slack cleared the composer), escaped', async () => {
    const before = t.emulator.state.ephemeralsFor(t.ids.rep).length;
    const broken = breakRepository(t, 'entries', 'listByDeal');
    await t.driver.slashCommand({
      userId: t.ids.rep,
      channelId: t.ids.dealAcme,
      text: 'ask what did <!channel> decide & when?',
    });
    const reply = await waitFor('the failure reply', () => t.emulator.state.ephemeralsFor(t.ids.rep)[before]);
    broken.restore();
    expect(broken.calls()).toBeGreaterThan(0);
    expect(reply.text).toContain('failed on our side');
    expect(reply.text).toContain('> /vision ask what did &lt;!channel&gt; decide &amp; when?');
    expect(reply.text).not.toContain('<!channel>');
  });
});
