import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deal } from '../../src/domain/deals.js';
import { ACTION_IDS, ENTRY_LIST, LISTEN_IDS, RECAP_IDS } from '../../src/slack/views/ids.js';
import { type CrmWorld, startCrmWorld } from '../support/crm-fixtures.js';
import { addEntry, linkDeal } from '../support/deal-fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { settle, waitFor } from '../support/wait.js';
import {
  ACTION_IDS_HANDLED,
  expectNoServerErrors,
  expectNothingOfOtherTeamSent,
  forgedClick,
  forgedMetadata,
  forgedSubmission,
  forgedValues,
  freshResponseUrl,
  inParallel,
  OTHER_TEAM,
  type OtherTeam,
  seedOtherTeam,
  VIEW_CALLBACKS,
} from './hostile-support.js';

/**
 * Forged interactivity through the real receiver: a rep of this workspace clicks buttons and submits modals whose
 * values and private_metadata name records of ANOTHER workspace (whose deal even sits in a channel of the same
 * id). Nothing of the other workspace may be read into a Slack call or changed.
 */
describe('cross-team ids in actions and submissions are refused', () => {
  let world: CrmWorld;
  let t: TestApp;
  let other: OtherTeam;
  let ours: Deal;
  let before: unknown;

  beforeAll(async () => {
    // With a CRM configured, so its buttons and modals are listened to and swept as well.
    world = await startCrmWorld();
    world.time.ms = Date.now();
    t = await startTestApp({ crm: world.config });
    other = await seedOtherTeam(t);
    ours = await linkDeal(t);
    await addEntry(t, ours, { kind: 'driver', statement: 'We lose three days per shipment' });
    before = await t.repos.teamData.exportTeam(OTHER_TEAM);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await world?.close();
  });

  it('every button and menu, with every id of the other team in every value format', {
    timeout: 240_000,
  }, async () => {
    const jobs = ACTION_IDS_HANDLED.flatMap((actionId) =>
      other.ids.flatMap((id) =>
        forgedValues(id, t.ids.dealAcme).map(
          (value) => () =>
            forgedClick(t, {
              userId: t.ids.rep,
              channelId: t.ids.dealAcme,
              actionId,
              value,
              blockId: `nudge_item:${id}`,
            }),
        ),
      ),
    );
    const answers = await inParallel(jobs);
    expectNoServerErrors(t, answers);
    // Some handlers work after the ack: let them finish before reading what they did.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await t.repos.teamData.exportTeam(OTHER_TEAM)).toEqual(before);
    expectNothingOfOtherTeamSent(t);
  });

  it('the forged clicks reach the handlers: the same click naming our own entry archives it', async () => {
    const entry = await addEntry(t, ours, { kind: 'risk', statement: 'Customs may hold the pilot' });
    const value = JSON.stringify({ op: 'archive', id: entry.id, k: null, p: 0 });
    const answer = await forgedClick(t, {
      userId: t.ids.rep,
      channelId: t.ids.dealAcme,
      actionId: ENTRY_LIST.overflow,
      value,
    });
    expect(answer.status).toBe(200);
    await waitFor(
      'our entry archived',
      async () => (await t.repos.entries.getById(t.ids.team, entry.id))?.archived,
    );
  });

  it('each button refused tells the rep where they clicked (Home buttons redraw Home)', {
    timeout: 120_000,
  }, async () => {
    const replies = () =>
      t.emulator.state.ephemeralsFor(t.ids.rep).length +
      t.emulator.state.dmsTo(t.ids.rep).length +
      t.emulator.calls('views.open').length +
      t.emulator.calls('views.publish').length;
    const unanswered: string[] = [];
    // These act on this channel's own deal or on the clicking user, whatever the value says.
    const ownActions = new Set<string>([RECAP_IDS.refreshDraft, ACTION_IDS.setupDeal, LISTEN_IDS.quiet]);
    for (const actionId of ACTION_IDS_HANDLED.filter((id) => !ownActions.has(id))) {
      for (const value of forgedValues(other.decisionId, t.ids.dealAcme)) {
        const responseUrl = await freshResponseUrl(t, t.ids.rep, t.ids.dealAcme);
        await settle(60);
        const before = replies();
        const answer = await forgedClick(t, {
          userId: t.ids.rep,
          channelId: t.ids.dealAcme,
          actionId,
          value,
          responseUrl,
        });
        expect(answer.status).toBe(200);
        const told = await waitFor(`a reply to ${actionId}`, () => replies() > before, 3_000).catch(
          () => false,
        );
        if (!told) unanswered.push(`${actionId} ${value}`);
      }
    }
    expect(unanswered).toEqual([]);
    expectNothingOfOtherTeamSent(t);
  });

  it('every modal, with private_metadata naming the other team’s records', { timeout: 240_000 }, async () => {
    const jobs = VIEW_CALLBACKS.flatMap((callbackId) =>
      other.ids.flatMap((id) =>
        forgedMetadata(id, t.ids.dealAcme).map(
          (privateMetadata) => () => forgedSubmission(t, { userId: t.ids.rep, callbackId, privateMetadata }),
        ),
      ),
    );
    const answers = await inParallel(jobs);
    expectNoServerErrors(t, answers);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await t.repos.teamData.exportTeam(OTHER_TEAM)).toEqual(before);
    expectNothingOfOtherTeamSent(t);
  });
});
