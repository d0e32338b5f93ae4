import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deal } from '../../src/domain/deals.js';
import { HOME_ACTIONS, RECAP_IDS } from '../../src/slack/views/ids.js';
import { openRecapModal, recapValues } from '../slack/recap-support.js';
import { addEntry, linkDeal } from '../support/deal-fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { settle } from '../support/wait.js';
import {
  ACTION_IDS_HANDLED,
  expectNoServerErrors,
  forgedClick,
  forgedMetadata,
  forgedSubmission,
  forgedValues,
  inParallel,
} from './hostile-support.js';

const GLOBEX_ONLY = 'GLOBEX-ONLY';

/**
 * Same workspace, another channel: #deal-globex's deal belongs to the manager, and the engineer is not in that
 * channel. Buttons clicked in #deal-acme, Home buttons and modals naming Globex's records must not read or
 * change them.
 */
describe('ids of another channel’s deal in actions and submissions are refused', () => {
  let t: TestApp;
  let globex: Deal;
  let ids: number[];
  const snapshot = async () => ({
    deal: await t.repos.deals.getById(t.ids.team, globex.id),
    entries: await t.repos.entries.listByDeal(t.ids.team, globex.id),
    decisions: await t.repos.decisions.listByDeal(t.ids.team, globex.id),
  });
  const leaks = () =>
    t.emulator
      .calls()
      .filter((call) => JSON.stringify(call.args).includes(GLOBEX_ONLY))
      .map((call) => `${call.method}: ${JSON.stringify(call.args).slice(0, 300)}`);

  beforeAll(async () => {
    t = await startTestApp();
    await linkDeal(t);
    globex = await linkDeal(t, {
      channelId: t.ids.dealGlobex,
      accountName: 'Globex',
      ownerUserId: t.ids.manager,
    });
    const entry = await addEntry(t, globex, {
      kind: 'driver',
      statement: `${GLOBEX_ONLY} analytics are late`,
    });
    const decision = await t.repos.decisions.create({
      teamId: t.ids.team,
      dealId: globex.id,
      title: `${GLOBEX_ONLY} pick a pilot`,
      createdBy: t.ids.manager,
    });
    ids = [globex.id, entry.id, decision.id];
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('clicks in #deal-acme and on Home by people who do not own Globex read and change nothing of it', {
    timeout: 120_000,
  }, async () => {
    const before = await snapshot();
    const jobs = [t.ids.engineer, t.ids.rep].flatMap((userId) =>
      ACTION_IDS_HANDLED.flatMap((actionId) =>
        ids.flatMap((id) =>
          forgedValues(id, t.ids.dealAcme).map(
            (value) => () => forgedClick(t, { userId, channelId: t.ids.dealAcme, actionId, value }),
          ),
        ),
      ),
    );
    const home = [HOME_ACTIONS.viewEntries, HOME_ACTIONS.logEntry].map(
      (actionId) => () =>
        t.driver.blockActions(t.ids.engineer, {
          container: { type: 'view', view_id: 'V0HOME' },
          actions: [{ action_id: actionId, block_id: 'b', type: 'button', value: String(globex.id) }],
        }),
    );
    const answers = await inParallel([...jobs, ...home]);
    expectNoServerErrors(t, answers);
    await settle(1_500);
    expect(await snapshot()).toEqual(before);
    expect(leaks()).toEqual([]);
  });

  it('modals whose metadata names Globex save nothing and show nothing of it', {
    timeout: 120_000,
  }, async () => {
    const before = await snapshot();
    const values = {
      entry_kind: { entry_kind: { type: 'static_select', selected_option: { value: 'risk' } } },
      entry_statement: { entry_statement: { type: 'plain_text_input', value: 'Forged into Globex' } },
      decision_title: { decision_title: { type: 'plain_text_input', value: 'Forged into Globex' } },
      decision_outcome: { decision_outcome: { type: 'plain_text_input', value: 'Forged outcome' } },
    };
    const callbacks = [
      'log_entry_modal',
      'edit_entry_modal',
      'log_decision_modal',
      'edit_decision_modal',
      'decision_outcome_modal',
    ];
    const jobs = callbacks.flatMap((callbackId) =>
      ids.flatMap((id) =>
        [...forgedMetadata(id, t.ids.dealAcme), ...forgedMetadata(id, t.ids.dealGlobex)].map(
          (privateMetadata) => () =>
            forgedSubmission(t, { userId: t.ids.engineer, callbackId, privateMetadata, values }),
        ),
      ),
    );
    const answers = await inParallel(jobs);
    expectNoServerErrors(t, answers);
    await settle(500);
    expect(await snapshot()).toEqual(before);
    expect(leaks()).toEqual([]);
  });

  it('a recap modal whose metadata is changed to Globex posts nothing there', {
    timeout: 60_000,
  }, async () => {
    const view = await openRecapModal(t, t.ids.engineer);
    view.definition.private_metadata = JSON.stringify({ dealId: globex.id, channelId: t.ids.dealGlobex });
    const values = recapValues({ [RECAP_IDS.date]: '2026-01-05' });
    const result = await t.driver.submitView(view.id, values, t.ids.engineer);
    expect(result.outcome).toBe('errors');
    expect(Object.keys((result.body as { errors: object }).errors)).toEqual([RECAP_IDS.title]);
    await settle(1_000);
    expect(t.emulator.state.messages(t.ids.dealGlobex).filter((m) => m.text.startsWith('Recap: '))).toEqual(
      [],
    );
  });
});
