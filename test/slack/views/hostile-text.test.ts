import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playbackNote } from '../../../src/slack/views/draft-parent.js';
import { escapeMrkdwn } from '../../../src/slack/views/mrkdwn.js';
import { hostileBuilders } from './hostile-builders.js';
import {
  expectInert,
  expectNothingLive,
  expectWithinLimits,
  HOSTILE,
  HOSTILE_LONG,
} from './hostile-checks.js';
import { hostileModalBuilders } from './hostile-modal-builders.js';

const BUILDERS = hostileBuilders(HOSTILE);
const LONG_BUILDERS = hostileBuilders(HOSTILE_LONG);
const MODALS = hostileModalBuilders(HOSTILE_LONG);

/** Exports run above under another name (the same name is exported by two files). */
const RUN_AS: Record<string, string[]> = {
  listeningMessage: ['draftListeningMessage', 'recapListeningFigures'],
};

/**
 * Exports of src/slack/views that are not run above, each with why. A new export must be added to one list or
 * the other, so a new message builder cannot skip this test.
 */
const NOT_HERE: Record<string, string> = {
  playbackNote: 'takes mrkdwn its caller escaped; run below',
  utcMinute: 'digits only',
  slackDateTime: 'a date token with a digits-only fallback',
  slackDay: 'a date token with a digits-only fallback',
  disconnectConfirmMessage: 'takes only a CRM provider: no outside text',
  supersededProposalsMessage: 'takes nothing: a fixed sentence',
  // Pure helpers, ids and parsers: no message of their own.
  ...Object.fromEntries(
    [
      'plain',
      'mrkdwn',
      'option',
      'options',
      'findOption',
      'metadata',
      'textInput',
      'escapeMrkdwn',
      'quotedRecapTitle',
      'quoteMrkdwn',
      'mentionUser',
      'mentionChannel',
      'linkMrkdwn',
      'truncate',
      'decisionActionValue',
      'parseDecisionActionValue',
      'refs',
      'packLines',
      'editBlockId',
      'editSectionOf',
      'issuesToFieldErrors',
      'parseEntryForm',
      'parseEntryFormMetadata',
      'slackTextToPlain',
      'unlabelledMentions',
      'messageWireText',
      'orderEntries',
      'listActionValue',
      'parseListActionValue',
      'buttonValue',
      'parseAttendeeLine',
      'fileIdFromLink',
      'parseRecapForm',
      'parseRecapMetadata',
      'chunkProposals',
      'formatRunTime',
      'providerLabel',
      'entryOptionLabel',
      'resolveItemInBlocks',
      'ViewState',
    ].map((name) => [name, 'helper or parser']),
  ),
  // Fixed text only, nothing from users or the model.
  ...Object.fromEntries(
    [
      'notLinkedMessage',
      'introMessage',
      'draftFailedParent',
      'helpBlocks',
      'quietReply',
      'privateProposalsNotice',
    ].map((name) => [name, 'fixed text']),
  ),
  countsLine: 'counts only, no text from users or the model',
  nudgeSettingsModal: 'modal with workspace settings only (days, hours, stall days)',
  entryFormBlocks: 'the inputs of entryModal and recapEntryEditModal, run there',
};

describe('message builders on hostile text', () => {
  for (const [name, build] of Object.entries(BUILDERS)) {
    it(`${name}: no live mention or link in the blocks or the fallback text`, () => {
      expectInert(build());
    });
  }

  for (const [name, build] of Object.entries(LONG_BUILDERS)) {
    it(`${name}: 10,000 hostile characters with emoji stay inert and within Block Kit limits`, () => {
      const built = build();
      expectInert(built);
      expectWithinLimits(built);
    });
  }

  for (const [name, build] of Object.entries(MODALS)) {
    it(`${name}: a modal full of 10,000-character hostile text stays within Block Kit limits, its mrkdwn inert`, () => {
      const view = build();
      expectWithinLimits(view);
      expectNothingLive(view);
    });
  }

  it('every exported function of src/slack/views is run above or listed with a reason', async () => {
    const dir = join(import.meta.dirname, '../../../src/slack/views');
    const unlisted: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const module: Record<string, unknown> = await import(join(dir, file));
      for (const [name, value] of Object.entries(module)) {
        if (typeof value !== 'function') continue;
        const aliases = RUN_AS[name];
        const run =
          name in BUILDERS || name in MODALS || aliases?.every((alias) => alias in BUILDERS) === true;
        if (!run && !(name in NOT_HERE)) unlisted.push(`${file}:${name}`);
      }
    }
    expect(unlisted).toEqual([]);
  });

  it('the playback note escapes nothing itself, so its callers must pass escaped text', () => {
    // Documented contract: playbackNote(text) takes mrkdwn the flow built with escapeMrkdwn.
    expectInert(playbackNote(`Corrected: ${escapeMrkdwn(HOSTILE)}`));
  });
});
