import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecapProposal } from '../../src/domain/recap/meeting.js';
import { ENTRY_FORM, RECAP_IDS } from '../../src/slack/views/ids.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { waitFor } from '../support/wait.js';
import {
  linkDeal,
  NOW,
  openRecapModal,
  recapParents,
  recapValues,
  threadOf,
  waitForRecapThread,
} from './recap-support.js';

describe('recap proposals: Edit, a quote without a speaker, and the draft refresh', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({ clock: () => NOW });
  });
  afterEach(async () => {
    await t.close();
  });

  async function postRecap(notes: string): Promise<RecapProposal[]> {
    await linkDeal(t);
    const view = await openRecapModal(t);
    await t.driver.submitView(
      view.id,
      recapValues({ [RECAP_IDS.notes]: notes, [`${RECAP_IDS.transcriptPart}1`]: null }),
    );
    await waitForRecapThread(t);
    return waitFor('proposals in the thread', async () => {
      const all = await t.repos.meetings.listProposals(t.ids.team, 1);
      return all.length > 0 && all.every((p) => p.messageTs) ? all : undefined;
    });
  }
  const editModal = (callbackId: string) =>
    waitFor('the edit modal', () => {
      const top = t.emulator.state.views.top(t.ids.rep);
      return top?.definition.callback_id === callbackId ? top : undefined;
    });
  const click = (p: RecapProposal, action: string) =>
    t.driver.clickButton(p.messageTs!, action, t.ids.rep, {
      blockId: `${RECAP_IDS.proposalBlock}${p.id}:actions`,
    });

  it('Edit opens the entry form prefilled; saving confirms the proposal once with the meeting as source', async () => {
    // Not a personal fear (that one would go to the rep privately; see recap-internal-only.test.ts).
    const [proposal] = await postRecap('Risk: "if the pilot slips, the rollout moves to Q3" (Dana)');
    await click(proposal!, RECAP_IDS.edit);
    const modal = await editModal(RECAP_IDS.editEntryModal);
    const definition = JSON.stringify(modal.definition);
    expect(definition).toContain('if the pilot slips, the rollout moves to Q3');
    expect(definition).toContain('"initial_date":"2026-12-07"');
    const result = await t.driver.submitView(modal.id, {
      [ENTRY_FORM.statement]: 'The rollout moves to Q3 if the pilot slips',
    });
    expect(result.outcome).toBe('close');
    const [entry] = await t.repos.entries.listByDeal(t.ids.team, 1);
    expect(entry).toMatchObject({
      kind: 'risk',
      statement: 'The rollout moves to Q3 if the pilot slips',
      quote: 'if the pilot slips, the rollout moves to Q3',
      source: { type: 'meeting', ref: '1' },
    });
    await waitFor('the block updated', () =>
      JSON.stringify(t.emulator.state.findMessage(t.ids.dealAcme, proposal!.messageTs!)?.blocks).includes(
        `as #${entry!.id}`,
      ),
    );
  });

  it('Confirm on a quote with no speaker opens the form instead of guessing who said it', async () => {
    const [proposal] = await postRecap('Constraint: "no new spend before the March freeze"');
    expect(proposal!.kind === 'entry' && proposal!.payload.speaker).toBeNull();
    await click(proposal!, RECAP_IDS.confirm);
    const modal = await editModal(RECAP_IDS.editEntryModal);
    expect((await t.repos.meetings.getProposal(t.ids.team, proposal!.id))?.status).toBe('proposed');
    const refused = await t.driver.submitView(modal.id, {});
    expect(refused.errors?.[ENTRY_FORM.stakeholderName]).toMatch(/Who said it/);
    await t.driver.submitView(modal.id, { [ENTRY_FORM.stakeholderName]: 'Dana Lee' });
    const entries = await t.repos.entries.listByDeal(t.ids.team, 1);
    expect(entries).toHaveLength(1);
    expect((await t.repos.stakeholders.getById(t.ids.team, entries[0]!.stakeholderId!))?.name).toBe(
      'Dana Lee',
    );
  });

  it('Refresh the shared-vision draft runs the /vision draft flow in the channel', async () => {
    await postRecap('Driver: "we lose three days on every shipment" (Dana)');
    const intro = threadOf(t, recapParents(t)[0]!)[0]!;
    await t.driver.clickButton(intro.ts, RECAP_IDS.refreshDraft, t.ids.rep);
    await waitFor('a draft message in the channel', () =>
      t.emulator.state.messages(t.ids.dealAcme).find((m) => m.text !== '' && !m.text.startsWith('Recap:')),
    );
  });
});
