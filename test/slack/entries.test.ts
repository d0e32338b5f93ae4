import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Deal } from '../../src/domain/deals.js';
import type { EntryKind } from '../../src/domain/entries.js';
import { ENTRY_FORM as F, VIEW_IDS } from '../../src/slack/views/ids.js';
import { testEngines } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { waitFor } from '../support/wait.js';
import { dayFromNow, ephemeralsAfter, linkDeal, newModal, textOf } from './entries-support.js';

const COMMANDS: ReadonlyArray<[string, EntryKind]> = [
  ['driver', 'driver'],
  ['initiative', 'initiative'],
  ['success', 'success_factor'],
  ['constraint', 'constraint'],
  ['risk', 'risk'],
  ['proposal', 'proposal'],
];

describe.each(testEngines())('logging entries through /vision and the modal, on $name', (engine) => {
  let t: TestApp;
  let deal: Deal;
  const seen = new Set<string>();
  beforeAll(async () => {
    t = await startTestApp({ engine });
    deal = await linkDeal(t);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    for (const user of [t.ids.rep, t.ids.manager, t.ids.engineer]) t.emulator.state.views.clear(user);
  });

  const open = async (text: string, userId: string = t.ids.rep) => {
    await t.driver.slashCommand({ userId, channelId: t.ids.dealAcme, text });
    return newModal(t, userId, VIEW_IDS.logEntry, seen);
  };

  it.each(COMMANDS)(
    '/vision %s "…" opens its modal with the quote; submit stores every field',
    async (name, kind) => {
      const view = await open(`${name} "we lose three days on every shipment &amp; it hurts"`);
      const blocks = JSON.stringify(view.definition.blocks);
      expect(blocks).toContain('"initial_value":"we lose three days on every shipment & it hurts"');
      expect(blocks).not.toContain(`"block_id":"${F.kind}"`); // the kind is fixed by the command
      expect(blocks.includes(F.constraintCategory)).toBe(kind === 'constraint');
      const said = dayFromNow(-10);
      const before = t.emulator.state.ephemeralsFor(t.ids.rep).length;
      const result = await t.driver.submitView(view.id, {
        [F.statement]: `Shipping delays (${name})`,
        [F.stakeholderName]: 'Dana Lee',
        [F.stakeholderTitle]: 'VP Logistics',
        [F.source]: 'Discovery call',
        [F.saidOn]: said,
        [F.priority]: 'high',
        ...(kind === 'constraint' ? { [F.constraintCategory]: 'budget', [F.severity]: 'high' } : {}),
      });
      expect(result.outcome).toBe('close');
      const entries = await t.repos.entries.listByDeal(t.ids.team, deal.id, { kind });
      const saved = entries.find((e) => e.statement === `Shipping delays (${name})`);
      expect(saved).toMatchObject({
        kind,
        quote: 'we lose three days on every shipment & it hurts',
        source: { type: 'text', ref: 'Discovery call' },
        saidOn: said,
        priority: 'high',
        status: 'unconfirmed',
        createdBy: t.ids.rep,
        constraintCategory: kind === 'constraint' ? 'budget' : null,
        severity: kind === 'constraint' ? 'high' : null,
      });
      const person = await t.repos.stakeholders.getById(t.ids.team, saved!.stakeholderId!);
      expect(person).toMatchObject({ name: 'Dana Lee', title: 'VP Logistics', dealId: deal.id });
      const [confirmation] = await waitFor('the confirmation', () => {
        const found = ephemeralsAfter(t, t.ids.rep, before);
        return found.length > 0 ? found : undefined;
      });
      expect(confirmation!.channel).toBe(t.ids.dealAcme);
      expect(textOf(confirmation!)).toContain('we lose three days on every shipment &amp; it hurts');
      expect(textOf(confirmation!)).toContain('Dana Lee');
    },
  );

  it('/vision driver with unquoted text prefills the one-line statement', async () => {
    const view = await open('driver carriers miss &lt;95% on-time');
    const blocks = JSON.stringify(view.definition.blocks);
    expect(blocks).toContain('"initial_value":"carriers miss <95% on-time"');
    const quoteBlock = (
      view.definition.blocks as { block_id: string; element: { initial_value?: string } }[]
    ).find((b) => b.block_id === F.quote);
    expect(quoteBlock?.element.initial_value).toBeUndefined();
    const result = await t.driver.submitView(view.id, {});
    expect(result.outcome).toBe('close');
    const saved = (await t.repos.entries.listByDeal(t.ids.team, deal.id)).find(
      (e) => e.statement === 'carriers miss <95% on-time',
    );
    expect(saved).toMatchObject({ kind: 'driver', quote: null, stakeholderId: null, source: null });
  });

  it('/vision log opens the modal with a kind selector and saves the chosen kind', async () => {
    const view = await open('log');
    expect(JSON.stringify(view.definition.blocks)).toContain(`"block_id":"${F.kind}"`);
    await t.driver.submitView(view.id, {
      [F.kind]: 'constraint',
      [F.statement]: 'No new spend before the March freeze',
      [F.constraintCategory]: 'timing',
    });
    const saved = (await t.repos.entries.listByDeal(t.ids.team, deal.id, { kind: 'constraint' })).find(
      (e) => e.statement === 'No new spend before the March freeze',
    );
    expect(saved).toMatchObject({ constraintCategory: 'timing', severity: 'medium', priority: 'medium' });
  });

  it('returns validation errors inline and saves nothing', async () => {
    const count = async () => (await t.repos.entries.listByDeal(t.ids.team, deal.id)).length;
    const before = await count();
    const view = await open('risk');
    const blank = await t.driver.submitView(view.id, { [F.statement]: '  ' });
    expect(blank.outcome).toBe('errors');
    expect(blank.errors?.[F.statement]).toMatch(/one line/);

    const unnamed = await t.driver.submitView(view.id, {
      [F.statement]: 'Blame',
      [F.quote]: 'my team takes the blame',
    });
    expect(unnamed.errors?.[F.stakeholderName]).toMatch(/Who said it/);

    const future = await t.driver.submitView(view.id, {
      [F.statement]: 'Blame',
      [F.quote]: null,
      [F.saidOn]: dayFromNow(3),
    });
    expect(future.errors?.[F.saidOn]).toMatch(/future/);

    // A client that ignores max_length (or a forged payload) is still refused by the server.
    const stored = t.emulator.state.views.get(view.id)!;
    const statementBlock = (
      stored.definition.blocks as { block_id: string; element: { max_length?: number } }[]
    ).find((b) => b.block_id === F.statement)!;
    delete statementBlock.element.max_length;
    const tooLong = await t.driver.submitView(view.id, { [F.statement]: 'x'.repeat(301), [F.saidOn]: null });
    expect(tooLong.errors?.[F.statement]).toMatch(/under 300/);
    expect(await count()).toBe(before);

    const fixed = await t.driver.submitView(view.id, {
      [F.statement]: 'They fear the blame',
      [F.quote]: 'my team takes the blame',
      [F.stakeholderName]: 'Dana Lee',
    });
    expect(fixed.outcome).toBe('close');
    expect(await count()).toBe(before + 1);
  });

  it('checks "not in the future" in the user\'s own time zone', async () => {
    // Riley is in New York. A date that is already "today" somewhere east but tomorrow for Riley is refused.
    const now = new Date();
    const newYorkToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(now);
    const tomorrowInNewYork = new Date(Date.parse(`${newYorkToday}T12:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    const view = await open('driver');
    const result = await t.driver.submitView(view.id, {
      [F.statement]: 'Tomorrow',
      [F.saidOn]: tomorrowInNewYork,
    });
    expect(result.errors?.[F.saidOn]).toMatch(/future/);
    const today = await t.driver.submitView(view.id, { [F.statement]: 'Today', [F.saidOn]: newYorkToday });
    expect(today.outcome).toBe('close');
  });

  it('saves a retried or double-submitted modal exactly once', async () => {
    const view = await open('initiative "consolidate carriers in 2027"');
    const values = { [F.statement]: 'Carrier consolidation', [F.stakeholderName]: 'Dana Lee' };
    const [first, second] = await Promise.all([
      t.driver.submitView(view.id, values),
      t.driver.submitView(view.id, values),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    // Slack retries the same view again after the modal closed.
    t.emulator.state.views.get(view.id)!.open = true;
    const retry = await t.driver.submitView(view.id, values);
    expect(retry.outcome).toBe('close');
    const saved = (await t.repos.entries.listByDeal(t.ids.team, deal.id)).filter(
      (e) => e.statement === 'Carrier consolidation',
    );
    expect(saved).toHaveLength(1);
  });

  it("refuses a forged private_metadata pointing at another team's deal", async () => {
    const other = await linkDeal(t, { teamId: 'T0OTHER', channelId: 'C0OTHERDEAL', accountName: 'Initech' });
    const view = await open('driver');
    t.emulator.state.views.get(view.id)!.definition.private_metadata = JSON.stringify({ dealId: other.id });
    const result = await t.driver.submitView(view.id, { [F.statement]: 'Forged entry' });
    expect(result.outcome).toBe('errors');
    expect(result.errors?.[F.statement]).toMatch(/does not match a deal of your workspace/);
    expect(await t.repos.entries.listByDeal('T0OTHER', other.id)).toEqual([]);
    t.emulator.state.views.get(view.id)!.definition.private_metadata = 'not json';
    const garbage = await t.driver.submitView(view.id, { [F.statement]: 'Forged entry' });
    expect(garbage.outcome).toBe('errors');
  });

  it('answers in an unlinked channel with a Set up button instead of a modal', async () => {
    const before = t.emulator.state.ephemeralsFor(t.ids.manager).length;
    await t.driver.slashCommand({ userId: t.ids.manager, channelId: t.ids.general, text: 'driver "x y z"' });
    const [reply] = await waitFor('an ephemeral', () => {
      const found = ephemeralsAfter(t, t.ids.manager, before);
      return found.length > 0 ? found : undefined;
    });
    expect(textOf(reply!)).toContain('Set up this deal');
    expect(t.emulator.state.views.top(t.ids.manager)).toBeUndefined();
  });
});
