import { describe, expect, it } from 'vitest';
import { answerFromEntries } from '../../../src/domain/ask/answer.js';
import { draftOffline } from '../../../src/domain/drafts/offline-drafter.js';
import { renderMarkdown } from '../../../src/domain/drafts/render-markdown.js';
import { toNewDraftVersion } from '../../../src/domain/drafts/version.js';
import { planNudges } from '../../../src/domain/nudges/plan.js';
import { shareableEntries, suggestInternalOnly } from '../../../src/domain/privacy/internal-only.js';
import { DEFAULT_WORKSPACE_SETTINGS } from '../../../src/domain/workspaces.js';
import { answerBlocks } from '../../../src/slack/views/ask-blocks.js';
import { draftBlocks } from '../../../src/slack/views/draft-blocks.js';
import { draftParent } from '../../../src/slack/views/draft-parent.js';
import { channelNudgeMessage } from '../../../src/slack/views/nudge-blocks.js';
import { blockTexts } from '../../slack/views/draft-block-texts.js';
import { entry, harborDeal } from '../drafts/deal-fixtures.js';
import { makeDeal, makeDecision } from '../nudges/fixtures.js';

const FEAR = 'if we start and it slips, my team takes the blame in front of the board';
const SECRET_WORDS = ['blame', 'slips', 'operations team takes'];
const expectNothingInternal = (text: string) => {
  for (const word of SECRET_WORDS) expect(text, `"${word}" leaked`).not.toContain(word);
};

describe('suggestInternalOnly', () => {
  it('offers internal-only for a personal fear and for a named person’s standing, with a reason', () => {
    expect(suggestInternalOnly({ kind: 'risk', statement: 'Blame if it slips', quote: FEAR })).toBe(
      'personal_fear',
    );
    expect(
      suggestInternalOnly(
        {
          kind: 'driver',
          statement: 'Helen Cho is worried about her credibility with the board',
          quote: null,
        },
        ['Helen Cho'],
      ),
    ).toBe('personal_standing');
    expect(
      suggestInternalOnly({
        kind: 'initiative',
        statement: 'The CFO may be replaced next year',
        quote: null,
      }),
    ).toBe('personal_standing');
  });

  it('leaves business facts shareable', () => {
    for (const [kind, statement, quote] of [
      [
        'driver',
        'Cross-border shipments lose three days',
        'we lose three days on every cross-border shipment',
      ],
      [
        'success_factor',
        '95% on-time delivery by Q3',
        "95% on time by Q3, that's the number the board watches",
      ],
      ['constraint', 'No new spend before March', 'no new spend before March, full stop'],
      ['constraint', 'Must use Azure AD SSO', 'anything new has to sit behind our Azure AD SSO'],
      ['risk', 'Rollout could disrupt peak season', null],
    ] as const) {
      expect(suggestInternalOnly({ kind, statement, quote }), statement).toBeNull();
    }
  });
});

describe('an internal-only entry never reaches anything posted in a channel', () => {
  const input = harborDeal();
  const fear = input.entries.find((e) => e.internalOnly)!;
  expect(fear.quote).toBe(FEAR);

  it('is not in the channel draft, the parent, or the export, but is in the private listening check', () => {
    const draft = draftOffline(input);
    const channel = draftBlocks({ version: 1, draft, audience: 'channel' })
      .flatMap((m) => [m.text, ...blockTexts(m.blocks)])
      .join('\n');
    expectNothingInternal(channel);
    const version = {
      ...toNewDraftVersion({ teamId: 'T1', dealId: 1, createdBy: 'U1', version: 1 }, draft, 'x'),
      id: 1,
      createdAt: new Date(),
    };
    const parent = draftParent(version);
    expectNothingInternal([parent.text, ...blockTexts(parent.blocks)].join('\n'));
    expectNothingInternal(renderMarkdown({ ...input, draft }));
    const rep = draftBlocks({ version: 1, draft, audience: 'rep' })
      .flatMap((m) => blockTexts(m.blocks))
      .join('\n');
    expect(rep).toContain('Internal only: "If it slips, the operations team takes the blame"');
  });

  it('stays out of an export re-rendered after the entry was marked internal', () => {
    const before = harborDeal();
    before.entries = before.entries.map((e) => ({ ...e, internalOnly: false }));
    const draft = draftOffline(before);
    expect(renderMarkdown({ ...before, draft })).toContain('blame');
    expectNothingInternal(renderMarkdown({ ...input, draft }));
  });

  it('is not cited in an ask-the-deal answer posted in the thread', () => {
    const facts = {
      accountName: 'Harbor',
      entries: input.entries,
      decisions: [],
      stakeholders: input.stakeholders,
    };
    for (const question of ['what are the risks?', 'what is Dana afraid of?', 'blame board slips']) {
      const answer = answerBlocks(answerFromEntries(question, facts));
      expectNothingInternal([answer.text, ...blockTexts(answer.blocks)].join('\n'));
    }
  });

  it('is not quoted in a weekly channel nudge', () => {
    const deal = makeDeal({ id: 1, teamId: 'T1', channelId: 'C0H' });
    const decision = makeDecision({
      id: 7,
      teamId: 'T1',
      dealId: 1,
      title: 'Pick a pilot lane',
      dueDate: '2026-02-01',
      relatedEntryIds: [fear.id, 32],
    });
    const entries = input.entries.map((e) => ({ ...e, teamId: 'T1', dealId: 1 }));
    const plan = planNudges({
      now: new Date('2026-03-02T09:00:00Z'),
      teamId: 'T1',
      workspaceSettings: DEFAULT_WORKSPACE_SETTINGS,
      deals: [deal],
      decisionsByDeal: new Map([[1, [decision]]]),
      entriesByDeal: new Map([[1, entries]]),
      stakeholdersByDeal: new Map([[1, input.stakeholders]]),
      alreadySent: new Set(),
    });
    expect(plan.channelNudges).toHaveLength(1);
    const quotes = new Map(entries.filter((e) => e.quote).map((e) => [e.id, e.quote!]));
    const message = channelNudgeMessage(plan.channelNudges[0]!, { sendKey: 's', runKey: 'r' }, quotes);
    expectNothingInternal([message.text, ...blockTexts(message.blocks)].join('\n'));
  });

  it('is filtered by shareableEntries', () => {
    expect(
      shareableEntries([...input.entries, entry(99, 'driver', 'x', { archived: true })]).map((e) => e.id),
    ).not.toContain(fear.id);
  });
});
