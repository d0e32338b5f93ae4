import { expect } from 'vitest';
import { draftOffline } from '../../src/domain/drafts/offline-drafter.js';
import { toNewDraftVersion } from '../../src/domain/drafts/version.js';
import type { DriverResponse } from '../../src/sandbox/driver.js';
import type { JsonObject } from '../../src/sandbox/emulator/types.js';
import { CRM_IDS } from '../../src/slack/views/crm-ids.js';
import {
  ACTION_IDS,
  DECISION_ACTIONS,
  DRAFT_ACTIONS,
  DRAFT_VIEWS,
  ENTRY_LIST,
  HOME_ACTIONS,
  LISTEN_IDS,
  NUDGE_IDS,
  RECAP_IDS,
  VIEW_IDS,
} from '../../src/slack/views/ids.js';
import { nordfreight } from '../domain/drafts/deal-fixtures.js';
import type { TestApp } from '../support/harness.js';
import { seedTeam } from '../support/team-seed.js';

export const OTHER_TEAM = 'T0OTHER';
/** Text that exists only in the other team's records: none of it may reach a Slack call of this team. */
export const OTHER_MARKER = 'T0OTHER';

/** Every action id the app listens to (CRM review buttons carry a suffix). */
export const ACTION_IDS_HANDLED = [
  ACTION_IDS.setupDeal,
  DECISION_ACTIONS.menu,
  HOME_ACTIONS.logEntry,
  HOME_ACTIONS.viewEntries,
  ...Object.values(LISTEN_IDS),
  ...Object.values(ENTRY_LIST),
  ...Object.values(DRAFT_ACTIONS),
  NUDGE_IDS.markDecided,
  NUDGE_IDS.snooze,
  NUDGE_IDS.newDate,
  NUDGE_IDS.dropped,
  RECAP_IDS.confirm,
  RECAP_IDS.edit,
  RECAP_IDS.discard,
  RECAP_IDS.openFromPrompt,
  RECAP_IDS.refreshDraft,
  RECAP_IDS.retrySubmission,
  CRM_IDS.send,
  CRM_IDS.refresh,
  `${CRM_IDS.reviewOverwrite}:title`,
];

/** Every view callback id the app saves from. */
export const VIEW_CALLBACKS = [
  ...Object.values(VIEW_IDS).filter((id) => id !== VIEW_IDS.dealEntries),
  ...Object.values(DRAFT_VIEWS),
  NUDGE_IDS.decidedModal,
  NUDGE_IDS.newDateModal,
  NUDGE_IDS.settingsModal,
  RECAP_IDS.modal,
  RECAP_IDS.editEntryModal,
  RECAP_IDS.editDecisionModal,
  CRM_IDS.overwriteView,
  CRM_IDS.mapView,
];

export interface OtherTeam {
  dealId: number;
  entryId: number;
  decisionId: number;
  meetingId: number;
  proposalIds: number[];
  draftId: number;
  /** Every id above, for sweeps. */
  ids: number[];
}

/** Another workspace with a deal in a channel of the same id as ours, and one of everything a payload can name. */
export async function seedOtherTeam(t: TestApp): Promise<OtherTeam> {
  const channelId = t.ids.dealAcme;
  const deal = await seedTeam(t.repos, OTHER_TEAM, channelId);
  const [entry] = await t.repos.entries.listByDeal(OTHER_TEAM, deal.id);
  const [decision] = await t.repos.decisions.listByDeal(OTHER_TEAM, deal.id);
  const meeting = await t.repos.meetings.create({
    teamId: OTHER_TEAM,
    dealId: deal.id,
    channelId,
    title: `Meeting of ${OTHER_MARKER}`,
    meetingDate: '2026-12-01',
    status: 'recapped',
    createdBy: t.ids.rep,
    notes: `Notes of ${OTHER_MARKER}`,
  });
  const proposals = await t.repos.meetings.addProposals(OTHER_TEAM, meeting.id, [
    {
      kind: 'entry',
      payload: {
        kind: 'driver',
        statement: `Proposal of ${OTHER_MARKER}`,
        quote: null,
        speaker: null,
        constraintCategory: null,
      },
    },
    {
      kind: 'decision',
      payload: { title: `Decision proposal of ${OTHER_MARKER}`, ownerName: null, dueDate: null },
    },
  ]);
  const draft = await t.repos.drafts.create(
    toNewDraftVersion(
      { teamId: OTHER_TEAM, dealId: deal.id, createdBy: t.ids.rep, version: 1 },
      draftOffline(nordfreight()),
      `# Draft of ${OTHER_MARKER}`,
    ),
  );
  const ids = {
    dealId: deal.id,
    entryId: entry!.id,
    decisionId: decision!.id,
    meetingId: meeting.id,
    proposalIds: proposals.map((p) => p.id),
    draftId: draft.id,
  };
  return {
    ...ids,
    ids: [
      ...new Set([ids.dealId, ids.entryId, ids.decisionId, ids.meetingId, ...ids.proposalIds, ids.draftId]),
    ],
  };
}

/** Values a forged button or menu could carry to name record `id`, in every format the app's buttons use. */
export function forgedValues(id: number, channelId: string): string[] {
  return [
    String(id),
    `decided:${id}`,
    `dropped:${id}`,
    `edit:${id}`,
    ...(['edit', 'confirm', 'archive', 'undo'] as const).map((op) =>
      JSON.stringify({ op, id, k: null, p: 0 }),
    ),
    JSON.stringify({ d: id, c: channelId, ts: '1700000000.000100' }),
    JSON.stringify({ d: id, s: 'vision', m: null }),
  ];
}

/** Private metadata naming record `id` under every key the app's modals use. */
export function forgedMetadata(id: number, channelId: string): string[] {
  const all = { dealId: id, entryId: id, decisionId: id, draftId: id, meetingId: id, proposalId: id };
  return [
    JSON.stringify({ ...all, channelId }),
    JSON.stringify({ dealId: id, channelId }),
    JSON.stringify({ proposalId: id }),
    JSON.stringify({ draftId: id, channelId, messageTs: '1700000000.000100' }),
    JSON.stringify({ dealId: id, source: 'vision', lastModified: '2026-12-01T00:00:00Z' }),
  ];
}

/** A response_url Slack would give a click in this channel (from a `/vision help` the driver sends). */
export async function freshResponseUrl(t: TestApp, userId: string, channelId: string): Promise<string> {
  return (await t.driver.slashCommand({ userId, channelId, text: 'help' })).responseUrl;
}

/** A hand-built click by `userId` in `channelId` (as if the message were there), with a real response_url. */
export async function forgedClick(
  t: TestApp,
  input: {
    userId: string;
    channelId: string;
    actionId: string;
    value: string;
    blockId?: string;
    responseUrl?: string;
  },
): Promise<DriverResponse> {
  const responseUrl = input.responseUrl ?? (await freshResponseUrl(t, input.userId, input.channelId));
  const overflow = input.actionId === DECISION_ACTIONS.menu || input.actionId === ENTRY_LIST.overflow;
  const action: JsonObject = overflow
    ? { type: 'overflow', selected_option: { text: { type: 'plain_text', text: 'x' }, value: input.value } }
    : { type: 'button', text: { type: 'plain_text', text: 'x' }, value: input.value };
  return t.driver.blockActions(input.userId, {
    container: {
      type: 'message',
      message_ts: '1700000000.000100',
      channel_id: input.channelId,
      is_ephemeral: false,
    },
    channel: { id: input.channelId, name: 'deal-acme' },
    response_url: responseUrl,
    message: { type: 'message', ts: '1700000000.000100', text: 'x', blocks: [] },
    actions: [
      {
        action_id: input.actionId,
        block_id: input.blockId ?? 'b',
        action_ts: '1700000000.000200',
        ...action,
      },
    ],
  });
}

/** A view_submission of a view the app never opened, with this metadata and these state values. */
export function forgedSubmission(
  t: TestApp,
  input: { userId: string; callbackId: string; privateMetadata: string; values?: JsonObject },
): Promise<DriverResponse> {
  return t.driver.sendPayload({
    type: 'view_submission',
    team: { id: t.ids.team, domain: 'local' },
    user: { id: input.userId, team_id: t.ids.team, name: 'rep' },
    api_app_id: t.emulator.state.bot.appId,
    trigger_id: t.emulator.issueTriggerId(input.userId),
    view: {
      id: `V0FORGED${Math.floor(Math.random() * 1e9)}`,
      team_id: t.ids.team,
      type: 'modal',
      callback_id: input.callbackId,
      private_metadata: input.privateMetadata,
      state: { values: input.values ?? {} },
      hash: 'h',
      title: { type: 'plain_text', text: 'x' },
      blocks: [],
    },
  });
}

/** Runs `jobs` with `width` in flight, collecting every answer. */
export async function inParallel<T>(jobs: Array<() => Promise<T>>, width = 12): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await jobs[index]!();
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

/** No Slack call of this app carried the other team's text. */
export function expectNothingOfOtherTeamSent(t: TestApp): void {
  const leaked = t.emulator
    .calls()
    .filter((call) => JSON.stringify(call.args).includes(OTHER_MARKER))
    .map((call) => `${call.method}: ${JSON.stringify(call.args).slice(0, 300)}`);
  expect(leaked).toEqual([]);
}

/** Answers were all 2xx/4xx, never 5xx, and the app logged no unhandled error. */
export function expectNoServerErrors(t: TestApp, answers: DriverResponse[]): void {
  expect(
    answers.filter((a) => a.status >= 500).map((a) => `${a.status} ${JSON.stringify(a.body).slice(0, 200)}`),
  ).toEqual([]);
  expect(t.logs.filter((line) => /unhandled|uncaught|TypeError|ReferenceError/i.test(line))).toEqual([]);
}
