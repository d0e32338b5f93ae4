import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RECAP_IDS } from '../../src/slack/views/ids.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { waitFor } from '../support/wait.js';
import { linkDeal, NOW, openRecapModal, recapParents, recapValues, threadOf } from './recap-support.js';

/** A call written for this test: a buyer who talks in numbers, names the board and procurement, and rambles. */
const TRANSCRIPT = [
  'Riley: What is the refund backlog costing you today?',
  "Dana: Our agents lose two days a week to it. If it slips past peak season again, my manager takes the blame and he knows it. The board signs off on anything above 80k, and we'll decide by Q1 after a pilot.",
  'Riley: Who else weighs in?',
  "Dana: Procurement needs three quotes, that's just how it is here.",
].join('\n');

describe('offline recap recall end to end (receiver, emulator, worker thread)', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({ clock: () => NOW }); // meeting date 2026-12-07
    await linkDeal(t);
  });
  afterEach(async () => {
    await t.close();
  });

  it('proposes the stemmed risk, the quantified driver, the decision process and names the silent stakeholders', async () => {
    const view = await openRecapModal(t);
    await t.driver.submitView(
      view.id,
      recapValues({
        [RECAP_IDS.notes]: '',
        [`${RECAP_IDS.transcriptPart}1`]: TRANSCRIPT,
        [RECAP_IDS.ourSpeakers]: 'Riley',
      }),
    );
    const parent = await waitFor('the recap parent message', () => recapParents(t)[0]);
    const intro = await waitFor('the thread intro', () => threadOf(t, parent)[0]);
    expect(intro.text).toContain(
      'Mentioned but never heard from: the board, procurement. Where the customer named them, a proposal below says so',
    );
    const shown = await waitFor('all proposals in the thread', () => {
      const text = threadOf(t, parent)
        .slice(1)
        .map((m) => `${m.text} ${JSON.stringify(m.blocks ?? [])}`)
        .join('\n');
      return text.includes('three quotes') ? text : undefined;
    });
    expect(shown).toContain('Our agents lose two days a week to it.');
    expect(shown).toContain('The board signs off on anything above 80k');
    expect(shown).toContain('2027-03-31');
    // The personal risk ("my manager takes the blame") is internal-only: stored and sent to the rep privately.
    const stored = await t.repos.meetings.listProposals(t.ids.team, 1);
    expect(
      stored.map((p) => (p.kind === 'entry' ? `${p.payload.kind}: ${p.payload.statement}` : '')),
    ).toContain('risk: If it slips past peak season again, my manager takes the blame and he knows it.');
    expect(shown).not.toContain('takes the blame');
    // Named but never heard from: proposals to confirm, with the sentence that names them as the quote.
    expect(shown).toContain('The board has a say but was not heard from');
    expect(shown).toContain('Procurement has a say but was not heard from');
    const unheard = stored.filter(
      (p) => p.kind === 'entry' && p.payload.statement === 'Procurement has a say but was not heard from',
    );
    expect(
      unheard.map((p) => (p.kind === 'entry' ? [p.payload.kind, p.payload.quote, p.payload.speaker] : [])),
    ).toEqual([['constraint', "Procurement needs three quotes, that's just how it is here.", 'Dana']]);
  });

  it('reads due dates as the rep typed them, relative to the meeting day and in their date order (worker thread)', async () => {
    const rep = t.emulator.state.users.get(t.ids.rep);
    if (!rep) throw new Error('no rep in the seed');
    rep.locale = 'en-GB';
    const view = await openRecapModal(t);
    await t.driver.submitView(
      view.id,
      recapValues({
        [RECAP_IDS.notes]: [
          'Decision: Dana to send the security questionnaire by Friday',
          'Decision: pilot scope next Tuesday (Tom)',
          'Decision: order form signed by 12/3',
          'Decision: budget owner named by end of month',
        ].join('\n'),
        [`${RECAP_IDS.transcriptPart}1`]: '',
      }),
    );
    const decisions = await waitFor('the decision proposals', async () => {
      const stored = await t.repos.meetings.listProposals(t.ids.team, 1);
      const found = stored.flatMap((p) => (p.kind === 'decision' ? [p.payload] : []));
      return found.length === 4 ? found : undefined;
    });
    // The meeting day is Monday 2026-12-07; 12/3 is 12 March for an en-GB rep.
    expect(decisions).toEqual([
      { title: 'Dana to send the security questionnaire', ownerName: null, dueDate: '2026-12-11' },
      { title: 'pilot scope', ownerName: 'Tom', dueDate: '2026-12-15' },
      { title: 'order form signed', ownerName: null, dueDate: '2027-03-12' },
      { title: 'budget owner named', ownerName: null, dueDate: '2026-12-31' },
    ]);
  });
});
