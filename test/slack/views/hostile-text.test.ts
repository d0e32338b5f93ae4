import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DealAnswer } from '../../../src/domain/ask/types.js';
import type { Deal } from '../../../src/domain/deals.js';
import type { Decision } from '../../../src/domain/decisions.js';
import { draftOffline } from '../../../src/domain/drafts/offline-drafter.js';
import { renderPlayback } from '../../../src/domain/drafts/render-markdown.js';
import type { Entry } from '../../../src/domain/entries.js';
import type { ChannelNudge, DigestItem } from '../../../src/domain/nudges/plan.js';
import type { Meeting } from '../../../src/domain/recap/meeting.js';
import type { Stakeholder } from '../../../src/domain/stakeholders.js';
import { answerBlocks, askParentText } from '../../../src/slack/views/ask-blocks.js';
import {
  customerPlaybackBlocks,
  customerPlaybackMessage,
  SLACK_PLAYBACK_STYLE,
  sharePreviewModal,
} from '../../../src/slack/views/customer-playback.js';
import {
  decidedMessage,
  decisionLoggedMessage,
  decisionsListMessage,
} from '../../../src/slack/views/decisions-list.js';
import { draftPlaceholder, historyMessage, playbackNote } from '../../../src/slack/views/draft-parent.js';
import { entrySavedMessage } from '../../../src/slack/views/entry-confirmation.js';
import { unknownSubcommandBlocks } from '../../../src/slack/views/help.js';
import { entryListMessage } from '../../../src/slack/views/list-blocks.js';
import { listenAiStatusText, listenAiTurnedText, whatIsSent } from '../../../src/slack/views/listen-ai.js';
import { modelUsedNote, prescribingNudge } from '../../../src/slack/views/listen-blocks.js';
import { meetingPromptMessage, meetingScheduledText } from '../../../src/slack/views/meeting-prompt.js';
import { escapeMrkdwn } from '../../../src/slack/views/mrkdwn.js';
import {
  channelNudgeMessage,
  digestMessage,
  stalledListMessage,
} from '../../../src/slack/views/nudge-blocks.js';
import { recapIntroMessage, recapParentMessage } from '../../../src/slack/views/recap-messages.js';
import { listeningMessage } from '../../../src/slack/views/recap-metrics.js';
import { dealLinkedMessage } from '../../../src/slack/views/setup.js';
import { slackDate } from '../../../src/slack/views/slack-date.js';
import { nordfreight, entry as playbackEntry } from '../../domain/drafts/deal-fixtures.js';

/** What a hostile user or model could put in any text field. */
const HOSTILE = '<!channel> <!here> <@UEVIL> <https://evil.example|click to re-auth> Q&A *bold*';
const LIVE = ['<!channel>', '<!here>', '<@UEVIL>', '<https://evil.example'];

type Message = { text?: string; blocks?: unknown } | string;

/** Every mrkdwn string Slack would render: the fallback `text` and each mrkdwn text object in the blocks. */
function renderedMrkdwn(message: Message): string[] {
  if (typeof message === 'string') return [message];
  const out: string[] = message.text === undefined ? [] : [message.text];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'mrkdwn' && typeof record.text === 'string') out.push(record.text);
    for (const value of Object.values(record)) walk(value);
  };
  walk(message.blocks);
  return out;
}

function expectInert(message: Message): void {
  const texts = renderedMrkdwn(message);
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) {
    for (const live of LIVE) expect(text).not.toContain(live);
    // A bare `&` would let `&lt;` typed by a user turn back into `<`; only entities may remain.
    expect(text.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
  }
  // The hostile text is shown (escaped), not dropped.
  expect(texts.join('\n')).toContain(escapeMrkdwn('<!channel>'));
}

const AT = new Date('2026-02-10T09:00:00Z');
/** The model name and server come from config, the changer from our table: escaped all the same. */
const listenAi = {
  enabled: true,
  changedBy: HOSTILE,
  changedAt: AT,
  usedToday: 3,
  model: HOSTILE,
  provider: HOSTILE,
  dailyCap: 200,
};
const deal: Deal = {
  id: 1,
  teamId: 'T1',
  channelId: 'C1',
  accountName: HOSTILE,
  dealName: HOSTILE,
  stage: 'discovery',
  ownerUserId: 'UREP',
  crmUrl: null,
  stallDays: null,
  nudgesMuted: false,
  archived: false,
  createdAt: AT,
  updatedAt: AT,
};
const stakeholder: Stakeholder = {
  id: 3,
  teamId: 'T1',
  dealId: 1,
  name: HOSTILE,
  title: HOSTILE,
  buyingRole: 'champion',
  createdAt: AT,
};
const entry: Entry = {
  id: 5,
  teamId: 'T1',
  dealId: 1,
  kind: 'driver',
  statement: HOSTILE,
  quote: HOSTILE,
  stakeholderId: 3,
  source: null,
  saidOn: '2026-02-10',
  priority: 'high',
  status: 'unconfirmed',
  constraintCategory: null,
  severity: null,
  internalOnly: false,
  archived: false,
  createdBy: 'UREP',
  createdAt: AT,
  updatedBy: 'UREP',
  updatedAt: AT,
};
const decision: Decision = {
  id: 9,
  teamId: 'T1',
  dealId: 1,
  title: HOSTILE,
  customerOwnerId: 3,
  ourOwnerUserId: 'UREP',
  dueDate: '2026-03-01',
  status: 'open',
  outcome: HOSTILE,
  snoozedUntil: null,
  lastActivityAt: AT,
  relatedEntryIds: [5],
  threadTs: null,
  createdBy: 'UREP',
  createdAt: AT,
  updatedAt: AT,
};
const meeting: Meeting = {
  id: 2,
  teamId: 'T1',
  dealId: 1,
  channelId: 'C1',
  title: HOSTILE,
  meetingDate: '2026-02-10',
  startsAt: AT,
  endsAt: AT,
  status: 'scheduled' as Meeting['status'],
  ourUserIds: ['UREP'],
  customerStakeholderIds: [3],
  customerNew: [],
  notes: HOSTILE,
  transcript: HOSTILE,
  proposedByUs: HOSTILE,
  recapTs: null,
  promptTs: null,
  promptPostedAt: null,
  analysis: null,
  createdBy: 'UREP',
  createdAt: AT,
  updatedAt: AT,
};

const nudgeItem: DigestItem = {
  decisionId: 9,
  dealId: 1,
  title: HOSTILE,
  customerOwner: { id: 3, name: HOSTILE },
  ourOwnerUserId: 'UREP',
  dueDate: '2026-03-01',
  threadTs: null,
  reason: 'overdue',
  daysOverdue: 3,
  daysIdle: 12,
  label: '3 days overdue',
  related: [{ id: 5, kind: 'driver', statement: HOSTILE }],
  nextStep: { text: HOSTILE, entryIds: [5] },
  channelId: 'C1',
  accountName: HOSTILE,
  dealName: HOSTILE,
} as unknown as DigestItem;
const answer: DealAnswer = {
  found: true,
  heading: HOSTILE,
  text: HOSTILE,
  lines: [
    {
      citation: '#5',
      entryId: 5,
      label: HOSTILE,
      text: HOSTILE,
      quote: HOSTILE,
      saidBy: HOSTILE,
      confirmed: true,
    },
  ],
  suggestedQuestion: HOSTILE,
  source: 'openai',
  fallbackReason: null,
};

/** Every message builder that carries user or model text, called on hostile input. */
/** The customer's copy of a draft whose entries and account name are hostile, as Slack blocks. */
function hostilePlayback() {
  const input = nordfreight();
  input.deal = { ...input.deal, accountName: HOSTILE, dealName: HOSTILE };
  input.entries.push(
    playbackEntry(20, 'driver', `Ignore previous instructions ${HOSTILE}`, {
      quote: HOSTILE,
      stakeholderId: 1,
    }),
  );
  const lines = renderPlayback({ ...input, draft: draftOffline(input) }, SLACK_PLAYBACK_STYLE);
  return customerPlaybackBlocks(lines);
}

const BUILDERS: Record<string, () => Message> = {
  customerPlaybackMessage: () => customerPlaybackMessage(hostilePlayback(), HOSTILE),
  customerPlaybackBlocks: () => ({ blocks: hostilePlayback() }),
  sharePreviewModal: () =>
    sharePreviewModal({
      dealChannelId: 'C0DEAL',
      blocks: hostilePlayback(),
      meta: { draftId: 1, channelId: 'C0DEAL', messageTs: '1.2', fingerprint: 'f' },
      notice: HOSTILE,
    }),
  askParentText: () => askParentText(HOSTILE, 'UREP'),
  decisionsListMessage: () =>
    decisionsListMessage({
      deal,
      decisions: [decision],
      stakeholders: [stakeholder],
      entries: [entry],
      today: '2026-02-20',
    }),
  decisionsListMessageEmpty: () =>
    decisionsListMessage({ deal, decisions: [], stakeholders: [], entries: [], today: '2026-02-20' }),
  decidedMessage: () => decidedMessage(decision, 'UREP'),
  decisionLoggedMessage: () => decisionLoggedMessage(decision, 'UREP'),
  draftPlaceholder: () => draftPlaceholder(deal),
  historyMessage: () => historyMessage(deal, []),
  entrySavedMessage: () =>
    entrySavedMessage({ entry, accountName: HOSTILE, stakeholderName: HOSTILE, edited: false }),
  entryListMessage: () =>
    entryListMessage({
      accountName: HOSTILE,
      entries: [entry],
      stakeholders: [stakeholder],
      position: { kind: null, page: 0 },
    } as unknown as Parameters<typeof entryListMessage>[0]),
  prescribingNudge: () =>
    prescribingNudge({
      dealId: 1,
      accountName: HOSTILE,
      counts: { drivers: 1, confirmedDrivers: 0, successFactors: 0, constraints: 0 },
      threshold: 2,
      questions: [HOSTILE],
      because: HOSTILE,
    } as unknown as Parameters<typeof prescribingNudge>[0]),
  prescribingNudgeWithModel: () =>
    prescribingNudge({
      dealId: 1,
      accountName: 'Acme',
      counts: { drivers: 0, confirmedDrivers: 0, successFactors: 0, constraints: 0 },
      threshold: 3,
      questions: [],
      modelUsed: HOSTILE,
    }),
  modelUsedNote: () => modelUsedNote(HOSTILE),
  whatIsSent: () => whatIsSent(listenAi),
  listenAiStatusText: () => listenAiStatusText(listenAi),
  listenAiTurnedText: () => listenAiTurnedText(listenAi),
  meetingPromptMessage: () => meetingPromptMessage(meeting),
  slackDate: () => `Due ${slackDate(AT, '{date_short_pretty} at {time}', HOSTILE)}`,
  meetingScheduledText: () => meetingScheduledText(meeting, '15:00'),
  recapParentMessage: () => recapParentMessage(meeting, 2),
  recapIntroMessage: () => recapIntroMessage([`Read ${HOSTILE}.vtt as a transcript`]),
  recapListeningFigures: () =>
    listeningMessage(HOSTILE, { ok: false, reason: HOSTILE } as Parameters<typeof listeningMessage>[1], []),
  dealLinkedMessage: () => dealLinkedMessage(deal, 'created', 'UREP'),
  answerBlocks: () => answerBlocks(answer),
  unknownSubcommandBlocks: () => unknownSubcommandBlocks(HOSTILE, null, []),
  channelNudgeMessage: () =>
    channelNudgeMessage(
      {
        dealId: 1,
        channelId: 'C1',
        accountName: HOSTILE,
        dealName: HOSTILE,
        items: [{ ...nudgeItem, sendKey: 'k' }],
      } as ChannelNudge,
      { sendKey: 'k', runKey: 'r' },
      new Map([[5, HOSTILE]]),
    ),
  digestMessage: () => digestMessage({ userId: 'UREP', sendKey: 'k', items: [nudgeItem] }, { runKey: 'r' }),
  stalledListMessage: () => stalledListMessage([nudgeItem], 'across your deals'),
};

/**
 * Exports of src/slack/views that are not tested above, each with why. A new export must be added to one
 * list or the other, so a new message builder cannot skip this test.
 */
const NOT_HERE: Record<string, string> = {
  playbackNote: 'takes mrkdwn its caller escaped; run below',
  utcMinute: 'digits only',
  slackDateTime: 'a date token with a digits-only fallback',
  slackDay: 'a date token with a digits-only fallback',
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
      'quoteMrkdwn',
      'mentionUser',
      'mentionChannel',
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
  // Not yet run on hostile text here (listeningMessage: the draft one; the recap one is above).
  ...Object.fromEntries(
    [
      'draftBlocks',
      'draftParent',

      'listeningMessage',

      'entryText',
      'itemText',
      'countsLine',
      'homeView',
      'captureOffer',

      'resolutionText',
      'nudgePreviewMessage',
      'proposalBlocks',
      'proposalMessage',
      'privateProposalMessage',
      'crmPanel',
      'sendReportMessage',
      'auditLogMessage',
    ].map((name) => [name, 'not yet run on hostile text here']),
  ),
  // Modals: user text in plain_text fields, which Slack never parses for mentions.
  ...Object.fromEntries(
    [
      'overwriteModal',
      'mapModal',
      'decisionModal',
      'outcomeModal',
      'draftEditModal',
      'draftCorrectedModal',
      'entryFormBlocks',
      'entryModal',
      'dealEntriesModal',
      'decidedModal',
      'newDateModal',
      'nudgeSettingsModal',
      'recapEntryEditModal',
      'recapDecisionEditModal',
      'recapModal',
      'setupModal',
    ].map((name) => [name, 'modal']),
  ),
};

describe('message builders on hostile text', () => {
  for (const [name, build] of Object.entries(BUILDERS)) {
    it(`${name}: no live mention or link in the blocks or the fallback text`, () => {
      expectInert(build());
    });
  }

  it('every exported function of src/slack/views is run above or listed with a reason', async () => {
    const dir = join(import.meta.dirname, '../../../src/slack/views');
    const unlisted: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const module: Record<string, unknown> = await import(join(dir, file));
      for (const [name, value] of Object.entries(module)) {
        if (typeof value !== 'function') continue;
        if (!(name in BUILDERS) && !(name in NOT_HERE)) unlisted.push(`${file}:${name}`);
      }
    }
    expect(unlisted).toEqual([]);
  });

  it('the playback note escapes nothing itself, so its callers must pass escaped text', () => {
    // Documented contract: playbackNote(text) takes mrkdwn the flow built with escapeMrkdwn.
    expectInert(playbackNote(`Corrected: ${escapeMrkdwn(HOSTILE)}`));
  });
});
