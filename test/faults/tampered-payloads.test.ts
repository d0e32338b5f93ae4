import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deal } from '../../src/domain/deals.js';
import { ACTION_IDS } from '../../src/slack/views/ids.js';
import { type CrmWorld, startCrmWorld } from '../support/crm-fixtures.js';
import { addEntry, linkDeal } from '../support/deal-fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { waitFor } from '../support/wait.js';
import { expectNoServerErrors, forgedSubmission, inParallel, VIEW_CALLBACKS } from './hostile-support.js';

const LONG = 'x'.repeat(3_000);
/** Metadata a client could send back instead of what the app wrote. */
const TAMPERED_METADATA = [
  '',
  '{',
  'null',
  '[]',
  '5',
  LONG,
  '{"dealId":"abc","channelId":5,"entryId":-1,"decisionId":1.5,"proposalId":null,"draftId":{}}',
  JSON.stringify({ dealId: 1e308, channelId: LONG, meetingId: 2 ** 53, proposalId: LONG }),
  JSON.stringify({ __proto__: { dealId: 1 }, constructor: { prototype: { admin: true } } }),
];

/** Every submission either saves or says why in the modal; an empty answer closes it silently. */
function saysWhy(body: unknown): boolean {
  const action = (body as { response_action?: string } | null)?.response_action;
  return action === 'errors' || action === 'update';
}

describe('tampered modals and buttons through the real receiver', () => {
  let world: CrmWorld;
  let t: TestApp;
  let deal: Deal;

  beforeAll(async () => {
    world = await startCrmWorld();
    world.time.ms = Date.now();
    t = await startTestApp({ crm: world.config });
    deal = await linkDeal(t);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await world?.close();
  });

  it('metadata that is not what the app wrote: an inline reason in every modal, never a silent close', {
    timeout: 120_000,
  }, async () => {
    const cases = VIEW_CALLBACKS.flatMap((callbackId) =>
      TAMPERED_METADATA.map((privateMetadata) => ({ callbackId, privateMetadata })),
    );
    const answers = await inParallel(
      cases.map((c) => () => forgedSubmission(t, { userId: t.ids.rep, ...c })),
    );
    expectNoServerErrors(t, answers);
    const silent = answers
      .map((answer, i) => ({ answer, c: cases[i]! }))
      .filter(({ answer }) => answer.status !== 200 || !saysWhy(answer.body))
      .map(
        ({ answer, c }) =>
          `${c.callbackId} ${c.privateMetadata.slice(0, 40)}: ${answer.status} ${JSON.stringify(answer.body)}`,
      );
    expect(silent).toEqual([]);
  });

  it('state with missing, extra, wrongly typed and oversized values, on metadata of our own deal', {
    timeout: 120_000,
  }, async () => {
    const metadata = JSON.stringify({ dealId: deal.id, channelId: t.ids.dealAcme, kind: 'driver' });
    const huge = 'é'.repeat(200_000);
    const states: Record<string, unknown>[] = [
      {},
      { unknown_block: { unknown_action: { type: 'plain_text_input', value: 'x' } } },
      { entry_statement: { entry_statement: { type: 'plain_text_input', value: huge } } },
      { entry_statement: { entry_statement: { type: 'plain_text_input', value: 5 } } },
      { entry_statement: null, decision_title: [], recap_title: 'x', nudge_time: { nudge_time: null } },
      { entry_kind: { entry_kind: { type: 'static_select', selected_option: { value: '../../etc' } } } },
    ];
    const cases = VIEW_CALLBACKS.flatMap((callbackId) => states.map((values) => ({ callbackId, values })));
    const answers = await inParallel(
      cases.map(
        (c) => () =>
          forgedSubmission(t, {
            userId: t.ids.rep,
            callbackId: c.callbackId,
            privateMetadata: metadata,
            values: c.values as never,
          }),
      ),
    );
    expectNoServerErrors(t, answers);
    // Nothing was saved from a form that had no statement, or a 200,000-character one.
    expect((await t.repos.entries.listByDeal(t.ids.team, deal.id)).map((e) => e.statement.length)).toEqual(
      [],
    );
  });

  it('buttons on an archived deal change nothing and tell the rep', { timeout: 60_000 }, async () => {
    const entry = await addEntry(t, deal, { kind: 'driver', statement: 'We lose three days per shipment' });
    const list = await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'list' });
    expect(list.status).toBe(200);
    const listMessage = await waitFor('the entry list', () =>
      t.emulator.state
        .ephemeralsFor(t.ids.rep, t.ids.dealAcme)
        .find((m) => JSON.stringify(m.blocks).includes('entry_list_overflow')),
    );
    await t.repos.deals.update(t.ids.team, deal.id, { archived: true });
    const before = t.emulator.state.ephemeralsFor(t.ids.rep).length;
    const click = await t.driver.clickButton(listMessage.ts, 'entry_list_overflow', t.ids.rep, {
      value: JSON.stringify({ op: 'archive', id: entry.id, k: null, p: 0 }),
    });
    expect(click.status).toBe(200);
    await waitFor('a reply to the click', () => t.emulator.state.ephemeralsFor(t.ids.rep).length > before);
    expect((await t.repos.entries.getById(t.ids.team, entry.id))?.archived).toBe(false);
    await t.repos.deals.update(t.ids.team, deal.id, { archived: false });
  });

  it('the message shortcut on a channel not linked to a deal explains, and saves nothing', async () => {
    const posted = await t.driver.userMessage({
      userId: t.ids.rep,
      channelId: t.ids.general,
      text: 'Dana said: we lose three days on every shipment',
    });
    const before =
      t.emulator.state.ephemeralsFor(t.ids.rep).length + t.emulator.state.dmsTo(t.ids.rep).length;
    const answer = await t.driver.messageAction({
      channelId: t.ids.general,
      messageTs: posted.ts,
      userId: t.ids.rep,
      callbackId: ACTION_IDS.logMessageShortcut,
    });
    expect(answer.status).toBe(200);
    await waitFor(
      'the explanation',
      () =>
        t.emulator.state.ephemeralsFor(t.ids.rep).length + t.emulator.state.dmsTo(t.ids.rep).length >
          before || t.emulator.state.views.top(t.ids.rep)?.open,
    );
    expect(await t.repos.deals.getByChannel(t.ids.team, t.ids.general)).toBeNull();
  });
});
