import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { draftOffline } from '../../src/domain/drafts/offline-drafter.js';
import { toNewDraftVersion } from '../../src/domain/drafts/version.js';
import { DRAFT_CORRECTED_FORM as C, DRAFT_ACTIONS, DRAFT_VIEWS } from '../../src/slack/views/ids.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { openModal } from '../support/modals.js';
import { settle, waitFor } from '../support/wait.js';
import {
  ACME_ENTRIES,
  everything,
  listeningCheckOf,
  parentOf,
  repliesOf,
  seedDeal,
} from './draft-support.js';

describe('draft playback: edit, corrected, forged buttons (end to end)', () => {
  let t: TestApp;
  let seeded: Awaited<ReturnType<typeof seedDeal>>;
  let parentTs: string;
  beforeAll(async () => {
    t = await startTestApp();
    seeded = await seedDeal(t, ACME_ENTRIES);
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'draft' });
    parentTs = (await parentOf(t, 1)).ts;
    await listeningCheckOf(t, t.ids.rep, 1);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    for (const user of [t.ids.rep, t.ids.manager]) t.emulator.state.views.clear(user);
  });

  it('Edit opens the draft as text; saving stores an "edited" version and rewrites the thread in place', async () => {
    const [driver1, driver2] = [seeded.entries[1]!, seeded.entries[2]!];
    const before = (await t.repos.drafts.latest(t.ids.team, seeded.deal.id))!;
    await t.driver.clickButton(parentTs, DRAFT_ACTIONS.edit, t.ids.manager);
    const view = await openModal(t, t.ids.manager, DRAFT_VIEWS.edit);
    const shown = JSON.stringify(view.definition.blocks);
    expect(shown).toContain(`[#${driver1.id}] \\"we lose three days on every cross-border shipment\\"`);

    const result = await t.driver.submitView(view.id, {
      draft_edit_drivers_0: [
        `- Three lost days per cross-border shipment [#${driver1.id}] "we lose three days on every cross-border shipment"`,
        `- Invoices reconciled by hand [#${driver2.id}]`,
        '- Something nobody said [#999999]',
      ].join('\n'),
      draft_edit_questions_0: `- (implication) What does a lost day cost you? [#${driver1.id}]`,
    });
    expect(result.outcome).toBe('close');

    const edited = await waitFor('the edited version', async () => {
      const v = await t.repos.drafts.latest(t.ids.team, seeded.deal.id);
      return v && v.version === before.version + 1 && v.replyTs.length > 0 ? v : undefined;
    });
    expect(edited).toMatchObject({ provider: 'edited', createdBy: t.ids.manager, messageTs: parentTs });
    expect(edited.content.drivers.map((s) => [s.text, s.entryIds, s.quote])).toEqual([
      [
        'Three lost days per cross-border shipment',
        [driver1.id],
        'we lose three days on every cross-border shipment',
      ],
      ['Invoices reconciled by hand', [driver2.id], null],
    ]);
    expect(edited.unverified).toEqual([
      { section: 'drivers', text: 'Something nobody said', entryIds: [999999], reason: 'unknown_id' },
    ]);
    expect(edited.content.questions).toEqual([
      { text: 'What does a lost day cost you?', spin: 'implication', entryIds: [driver1.id] },
    ]);
    // Same thread message, updated in place; the parent shows the new version and who edited it.
    expect(edited.replyTs[0]).toBe(before.replyTs[0]);
    const reply = t.emulator.state.findMessage(t.ids.dealAcme, edited.replyTs[0]!)!;
    expect(everything(reply)).toContain(`Edited by <@${t.ids.manager}> from v${before.version}`);
    expect(everything(reply)).toContain('Invoices reconciled by hand');
    const parent = await parentOf(t, edited.version);
    expect(everything(parent)).toContain('Edited by hand');
  });

  it('Customer corrected: the note goes to the thread, the picked entry is reworded and marked corrected', async () => {
    const entry = seeded.entries[4]!; // the budget constraint
    await t.driver.clickButton(parentTs, DRAFT_ACTIONS.markCorrected, t.ids.rep);
    const view = await openModal(t, t.ids.rep, DRAFT_VIEWS.corrected);
    const options = JSON.stringify(view.definition.blocks);
    expect(options).toContain(`#${entry.id} Constraint: No new spend before the March freeze`);
    expect(options).not.toContain(`#${seeded.entries[0]!.id} `); // our proposal cannot be "corrected"

    // New wording with two entries picked is ambiguous: an inline error, nothing saved.
    const ambiguous = await t.driver.submitView(view.id, {
      [C.note]: 'Freeze ends in April',
      [C.entries]: [String(entry.id), String(seeded.entries[1]!.id)],
      [C.statement]: 'No new spend before the April freeze',
    });
    expect(ambiguous.outcome).toBe('errors');
    expect(ambiguous.errors?.[C.statement]).toMatch(/one entry/);

    const saved = await t.driver.submitView(view.id, {
      [C.note]: 'The freeze ends in April, not March <!channel>',
      [C.entries]: [String(entry.id)],
      [C.statement]: 'No new spend before the April freeze',
    });
    expect(saved.outcome).toBe('close');
    const note = await waitFor('the correction note', () =>
      t.emulator.state
        .threadReplies(t.ids.dealAcme, parentTs)
        .find((m) => m.text.includes('corrected draft')),
    );
    expect(note.text).toContain('The freeze ends in April, not March &lt;!channel&gt;');
    expect(note.text).toContain(`Entries updated: #${entry.id}`);

    const updated = await t.repos.entries.getById(t.ids.team, entry.id);
    expect(updated).toMatchObject({ status: 'corrected', statement: 'No new spend before the April freeze' });
    const history = await t.repos.entries.history(t.ids.team, entry.id);
    expect(history.at(-1)?.changes).toEqual({
      statement: { from: 'No new spend before the March freeze', to: 'No new spend before the April freeze' },
      status: { from: 'unconfirmed', to: 'corrected' },
    });
    const latest = await t.repos.drafts.latest(t.ids.team, seeded.deal.id);
    expect(latest).toMatchObject({
      status: 'corrected',
      statusNote: 'The freeze ends in April, not March <!channel>',
    });
    // The next draft rests on the corrected wording.
    await t.driver.clickButton(parentTs, DRAFT_ACTIONS.regenerate, t.ids.rep);
    const next = await parentOf(t, latest!.version + 1);
    const [replyNext] = await repliesOf(t, next, latest!.version + 1);
    expect(everything(replyNext!)).toContain('No new spend before the April freeze');
  });

  it('refuses forged buttons: another deal’s draft, another message, a non-number; nothing changes', async () => {
    const other = await seedDeal(t, ACME_ENTRIES.slice(1, 3), t.ids.dealGlobex, 'Globex');
    const input = { deal: other.deal, entries: other.entries, stakeholders: [], version: 1 };
    const foreign = await t.repos.drafts.create(
      toNewDraftVersion(
        { teamId: t.ids.team, dealId: other.deal.id, createdBy: t.ids.rep, version: 1 },
        draftOffline(input),
        '# x',
      ),
    );
    const mine = (await t.repos.drafts.latest(t.ids.team, seeded.deal.id))!;
    // A client can send any value: a bot message with a forged button, and the real parent with its value swapped.
    const forge = (value: string) => {
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
                action_id: DRAFT_ACTIONS.markConfirmed,
                text: { type: 'plain_text', text: 'x' },
                value,
              },
            ],
          },
        ],
      });
      return t.driver.clickButton(ts, DRAFT_ACTIONS.markConfirmed, t.ids.manager);
    };
    const refusals = () =>
      t.emulator.state.ephemeralsFor(t.ids.manager).filter((m) => m.text.includes('does not belong'));
    await forge(String(foreign.id));
    await forge(String(mine.id));
    await forge('1 OR 1=1');
    const parent = t.emulator.state.findMessage(t.ids.dealAcme, parentTs)!;
    const original = parent.blocks;
    parent.blocks = JSON.parse(
      JSON.stringify(original).replaceAll(`"value":"${mine.id}"`, `"value":"${foreign.id}"`),
    );
    await t.driver.clickButton(parentTs, DRAFT_ACTIONS.markConfirmed, t.ids.manager);
    parent.blocks = original;
    await waitFor('four refusals', () => refusals().length === 4);
    await settle();
    expect((await t.repos.drafts.getById(t.ids.team, foreign.id))?.status).toBe('draft');
    expect((await t.repos.drafts.getById(t.ids.team, mine.id))?.status).toBe(mine.status);
    const entries = await t.repos.entries.listByDeal(t.ids.team, other.deal.id);
    expect(entries.every((e) => e.status === 'unconfirmed')).toBe(true);
    expect(t.logs.join('\n')).toContain('draft mark confirmed: refused');
  });
});
