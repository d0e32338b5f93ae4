import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RECAP_IDS } from '../../src/slack/views/ids.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { waitFor } from '../support/wait.js';
import { linkDeal, NOW, openRecapModal, recapValues, shareFileInDealChannel } from './recap-support.js';

/** Zoom's SRT export of a discovery call; its figures are hand-computed in test/domain/recap/transcript-exports.test.ts. */
const SRT = readFileSync(new URL('../fixtures/transcripts/srt-speakers.srt', import.meta.url), 'utf8');

describe('a recap from an SRT file shared in the channel, through the receiver', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({ clock: () => NOW });
    await linkDeal(t);
  });
  afterEach(async () => {
    await t.close();
  });

  it('gives the rep exact per-speaker figures and the first pitch and driver with their times', async () => {
    const fileId = shareFileInDealChannel(t, 'acme-discovery.srt', SRT.length);
    t.app.deps.fetchFile = async () => new Response(SRT);
    const view = await openRecapModal(t);
    expect(JSON.stringify(view.definition)).toContain('acme-discovery.srt');
    await t.driver.submitView(
      view.id,
      recapValues({
        [`${RECAP_IDS.transcriptPart}1`]: null,
        [RECAP_IDS.file]: fileId,
        [RECAP_IDS.ourSpeakers]: 'Sam Rivera, José María García-López',
      }),
    );
    const figures = await waitFor('the private figures from the SRT file', () =>
      t.emulator.state
        .ephemeralsFor(t.ids.rep, t.ids.dealAcme)
        .find((e) => e.text.startsWith('Listening figures')),
    );
    expect(figures.text).toBe('Listening figures for Discovery call: we talked 52.1% and asked 6 questions.');
    const shown = JSON.stringify(figures.blocks);
    expect(shown).toContain('52.1% (customer 47.9%)');
    expect(shown).toContain(
      "Sam Rivera (us) 30.7% · Dana Ruiz 22.1% · José María García-López (us) 21.5% · Siobhán O'Neill 16.6% · Jan van der Berg 9.2%",
    );
    expect(shown).toContain('*Prescribed before diagnosing:* no.');
    expect(shown).toContain(
      'We first prescribed at 1:15 (José María García-López: \\"Let me show you our forecasting module, it fixes exactly that.\\"), ' +
        'after the customer\'s first driver at 0:17 (Dana Ruiz: \\"We\'re losing about two days a week to it.\\").',
    );
    const meeting = await t.repos.meetings.getById(t.ids.team, 1);
    expect(meeting?.transcript).toBe(SRT);
  });
});
