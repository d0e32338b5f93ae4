import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Deal } from '../../src/domain/deals.js';
import type { Entry } from '../../src/domain/entries.js';
import type { EphemeralMessage } from '../../src/sandbox/emulator/types.js';
import { ENTRY_LIST, ENTRY_FORM as F, VIEW_IDS } from '../../src/slack/views/ids.js';
import { listActionValue } from '../../src/slack/views/list-values.js';
import { testEngines } from '../support/databases.js';
import { addEntry } from '../support/deal-fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { settle, waitFor } from '../support/wait.js';
import { ephemeralsAfter, linkDeal, newModal, textOf } from './entries-support.js';

describe.each(testEngines())('/vision list with edit, confirm, archive and undo, on $name', (engine) => {
  let t: TestApp;
  let deal: Deal;
  let quoted: Entry;
  let ours: Entry;
  const seen = new Set<string>();

  beforeAll(async () => {
    t = await startTestApp({ engine });
    deal = await linkDeal(t);
    const dana = await t.repos.stakeholders.findOrCreate({
      teamId: t.ids.team,
      dealId: deal.id,
      name: 'Dana Lee',
    });
    ours = await addEntry(t, deal, { kind: 'driver', statement: 'Shipping is slow' });
    quoted = await addEntry(t, deal, {
      kind: 'driver',
      statement: 'Three days lost per shipment',
      quote: '<!channel> we lose three days on every shipment',
      stakeholderId: dana.id,
      source: { type: 'text', ref: 'QBR call' },
    });
    await addEntry(t, deal, { kind: 'proposal', statement: 'Start with the routing module' });
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    t.emulator.state.views.clear(t.ids.rep);
  });

  /** Sends `/vision list [kind]` and returns the new ephemeral list message. */
  async function list(text = 'list', userId: string = t.ids.rep): Promise<EphemeralMessage> {
    const before = t.emulator.state.ephemeralsFor(userId).length;
    await t.driver.slashCommand({ userId, channelId: t.ids.dealAcme, text });
    const [reply] = await waitFor('the list', () => {
      // Only answers to the command (edit confirmations arrive as chat.postEphemeral and may come late).
      const found = ephemeralsAfter(t, userId, before).filter((m) => m.source === 'response_url');
      return found.length > 0 ? found : undefined;
    });
    return reply!;
  }

  const pick = (message: EphemeralMessage, op: 'edit' | 'confirm' | 'archive', entry: Entry) =>
    t.driver.clickButton(message.ts, ENTRY_LIST.overflow, t.ids.rep, {
      value: listActionValue({ op, entryId: entry.id, kind: null, page: 0 }),
      blockId: blockOf(message, entry),
    });

  const blockOf = (message: EphemeralMessage, entry: Entry) =>
    String(message.blocks!.find((b) => JSON.stringify(b).includes(`"id\\":${entry.id},`))?.block_id ?? '');

  it('shows what was saved, grouped, their words first and escaped, our proposals last', async () => {
    const message = await list();
    const text = textOf(message);
    expect(text).toContain('&lt;!channel&gt; we lose three days on every shipment');
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('Dana Lee');
    expect(text).toContain('QBR call');
    expect(text).toContain('Unconfirmed');
    expect(text).toContain('our words, not theirs');
    expect(text.indexOf('Three days lost')).toBeLessThan(text.indexOf('Shipping is slow'));
    expect(text.indexOf('Business drivers')).toBeLessThan(text.indexOf('Our proposals'));
    expect(message.channel).toBe(t.ids.dealAcme);
  });

  it.each(['drivers', 'Business drivers', 'proposals'])('/vision list %s filters by kind', async (kind) => {
    const text = textOf(await list(`list ${kind}`));
    if (kind === 'proposals') {
      expect(text).toContain('Start with the routing module');
      expect(text).not.toContain('Shipping is slow');
    } else {
      expect(text).toContain('Shipping is slow');
      expect(text).not.toContain('Start with the routing module');
    }
  });

  it('answers an unknown kind with a suggestion', async () => {
    const text = textOf(await list('list drivres'));
    expect(text).toContain('Did you mean `/vision list driver`?');
  });

  it('marks an entry confirmed and updates the list in place', async () => {
    const message = await list();
    await pick(message, 'confirm', quoted);
    await waitFor('the list to update', () => textOf(message).includes('Marked confirmed'));
    expect((await t.repos.entries.getById(t.ids.team, quoted.id))?.status).toBe('confirmed');
    expect(textOf(message)).toContain('Confirmed by customer');
  });

  it('edits from the overflow with a prefilled modal and keeps the history', async () => {
    const message = await list();
    await pick(message, 'edit', ours);
    const view = await newModal(t, t.ids.rep, VIEW_IDS.editEntry, seen);
    expect(JSON.stringify(view.definition.blocks)).toContain('"initial_value":"Shipping is slow"');
    const result = await t.driver.submitView(view.id, {
      [F.statement]: 'Shipping takes three days too long',
      [F.quote]: 'it is just too slow',
      [F.stakeholderName]: 'Dana Lee',
      [F.status]: 'corrected',
    });
    expect(result.outcome).toBe('close');
    const edited = await t.repos.entries.getById(t.ids.team, ours.id);
    expect(edited).toMatchObject({
      statement: 'Shipping takes three days too long',
      quote: 'it is just too slow',
      status: 'corrected',
      updatedBy: t.ids.rep,
    });
    const history = await t.repos.entries.history(t.ids.team, ours.id);
    expect(history.at(-1)?.changes.statement).toEqual({
      from: 'Shipping is slow',
      to: 'Shipping takes three days too long',
    });
    expect(history.at(-1)?.changedBy).toBe(t.ids.rep);
  });

  it('archives softly, with Undo', async () => {
    const message = await list();
    await pick(message, 'archive', quoted);
    await waitFor('the archive notice', () => textOf(message).includes('Archived'));
    expect((await t.repos.entries.getById(t.ids.team, quoted.id))?.archived).toBe(true);
    expect(textOf(message)).not.toContain('we lose three days');
    await t.driver.clickButton(message.ts, ENTRY_LIST.undoArchive, t.ids.rep);
    await waitFor('the restore notice', () => textOf(message).includes('Restored'));
    expect((await t.repos.entries.getById(t.ids.team, quoted.id))?.archived).toBe(false);
    expect(textOf(message)).toContain('we lose three days');
    const history = await t.repos.entries.history(t.ids.team, quoted.id);
    expect(history.filter((h) => 'archived' in h.changes)).toHaveLength(2);
  });

  it("refuses a forged action value naming another team's entry, and changes nothing", async () => {
    const otherDeal = await linkDeal(t, {
      teamId: 'T0OTHER',
      channelId: t.ids.dealAcme,
      accountName: 'Initech',
    });
    const theirs = await addEntry(t, otherDeal, {
      createdBy: 'U0THEM',
      kind: 'risk',
      statement: 'Their secret risk',
      priority: 'high',
    });
    const message = await list();
    // The forged option is put into the stored message, as a tampering client would send it.
    const overflow = message.blocks!.find((b) => JSON.stringify(b).includes(ENTRY_LIST.overflow))!;
    const accessory = overflow.accessory as { options: { text: unknown; value: string }[] };
    const forged = listActionValue({ op: 'archive', entryId: theirs.id, kind: null, page: 0 });
    accessory.options.push({ text: { type: 'plain_text', text: 'Archive' }, value: forged });
    const before = t.emulator.state.ephemeralsFor(t.ids.rep).length;
    await t.driver.clickButton(message.ts, ENTRY_LIST.overflow, t.ids.rep, {
      value: forged,
      blockId: String(overflow.block_id),
    });
    const [refusal] = await waitFor('a refusal', () => {
      const found = ephemeralsAfter(t, t.ids.rep, before).filter((m) =>
        m.text.includes('nothing was changed'),
      );
      return found.length > 0 ? found : undefined;
    });
    expect(refusal!.text).toContain('nothing was changed');
    await settle();
    expect(await t.repos.entries.getById('T0OTHER', theirs.id)).toMatchObject({ archived: false });
    expect(await t.repos.entries.history('T0OTHER', theirs.id)).toEqual([]);
    expect(textOf(message)).not.toContain('Their secret risk');
  });

  it('refuses an entry of another deal of the same team clicked from this channel', async () => {
    const globex = await linkDeal(t, { channelId: t.ids.dealGlobex, accountName: 'Globex' });
    const elsewhere = await addEntry(t, globex, { kind: 'risk', statement: 'Globex risk', priority: 'high' });
    const message = await list();
    const overflow = message.blocks!.find((b) => JSON.stringify(b).includes(ENTRY_LIST.overflow))!;
    const forged = listActionValue({ op: 'confirm', entryId: elsewhere.id, kind: null, page: 0 });
    (overflow.accessory as { options: { text: unknown; value: string }[] }).options.push({
      text: { type: 'plain_text', text: 'Confirm' },
      value: forged,
    });
    await t.driver.clickButton(message.ts, ENTRY_LIST.overflow, t.ids.rep, {
      value: forged,
      blockId: String(overflow.block_id),
    });
    await settle();
    expect((await t.repos.entries.getById(t.ids.team, elsewhere.id))?.status).toBe('unconfirmed');
  });

  it('pages long lists with a More button', async () => {
    for (let i = 0; i < 25; i++) {
      await addEntry(t, deal, { kind: 'initiative', statement: `Initiative number ${i}`, priority: 'low' });
    }
    const message = await list();
    expect(message.blocks!.length).toBeLessThanOrEqual(50);
    expect(textOf(message)).toContain('page 1 of 2');
    await t.driver.clickButton(message.ts, ENTRY_LIST.page, t.ids.rep);
    await waitFor('page 2', () => textOf(message).includes('page 2 of 2'));
    expect(textOf(message)).toContain('Our proposals');
  });
});
