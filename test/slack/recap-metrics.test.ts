import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RECAP_IDS } from '../../src/slack/views/ids.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { settle, waitFor } from '../support/wait.js';
import {
  linkDeal,
  NOW,
  openRecapModal,
  recapParents,
  recapValues,
  threadOf,
  waitForRecapThread,
} from './recap-support.js';

describe('recap listening figures', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({ clock: () => NOW });
    await linkDeal(t);
  });
  afterEach(async () => {
    await t.close();
  });

  const everythingInChannel = () =>
    JSON.stringify([...t.emulator.state.allMessages(t.ids.dealAcme), ...t.emulator.state.dmsTo(t.ids.rep)]);

  it('sends hand-computed figures to the rep only, never to the channel', async () => {
    const view = await openRecapModal(t);
    // The rep's Slack name ("Riley Rep") is prefilled and matches the "Riley" label by first name.
    expect(JSON.stringify(view.definition)).toContain('Riley Rep');
    await t.driver.submitView(view.id, recapValues());
    const ephemeral = await waitFor('the private figures', () =>
      t.emulator.state
        .ephemeralsFor(t.ids.rep, t.ids.dealAcme)
        .find((e) => e.text.startsWith('Listening figures')),
    );
    const shown = JSON.stringify(ephemeral.blocks);
    expect(ephemeral.text).toBe(
      'Listening figures for Discovery call: we talked 50.8% and asked 3 questions.',
    );
    expect(shown).toContain('50.8% (customer 49.2%) · top reps ~43/57');
    expect(shown).toContain('*Questions we asked*\\n3 · 11-14 in the best discovery calls');
    expect(shown).toContain('*Longest customer monologue*\\n17 words (Dana)');
    expect(shown).toContain('*Our longest monologue*\\n16 words (Riley)');
    expect(shown).toContain('*Prescribed before diagnosing:* yes');
    expect(shown).toContain("Gong's analysis of 25,537 B2B calls: guidance, not rules");

    await waitForRecapThread(t);
    await settle();
    expect(everythingInChannel()).not.toContain('50.8');
    expect(everythingInChannel()).not.toContain('Listening figures');
    for (const other of [t.ids.manager, t.ids.engineer]) {
      expect(t.emulator.state.ephemeralsFor(other).filter((e) => e.text.includes('Listening'))).toEqual([]);
    }
  });

  it('reads an unknown format as notes and says why, in the thread and privately', async () => {
    const view = await openRecapModal(t);
    await t.driver.submitView(
      view.id,
      recapValues({
        [`${RECAP_IDS.transcriptPart}1`]:
          'We met Dana at their office.\nShe said "we lose three days on every shipment" twice.',
      }),
    );
    const parent = await waitForRecapThread(t);
    const intro = JSON.stringify(threadOf(t, parent)[0]!.blocks);
    expect(intro).toContain('Read as notes because: This does not look like a transcript');
    const ephemeral = await waitFor('the private explanation', () =>
      t.emulator.state
        .ephemeralsFor(t.ids.rep, t.ids.dealAcme)
        .find((e) => e.text.startsWith('No listening figures')),
    );
    expect(ephemeral.text).toMatch(/no listening metrics are computed/);
    expect(recapParents(t)).toHaveLength(1);
  });
});
