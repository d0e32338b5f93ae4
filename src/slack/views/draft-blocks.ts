import type { KnownBlock } from '@slack/types';
import {
  CUSTOMER_SECTIONS,
  type DraftResult,
  type ListeningItem,
  PERSPECTIVE_TITLE,
  SECTION_TITLES,
  type SpinKind,
  type Statement,
  type UnverifiedStatement,
} from '../../domain/drafts/draft.js';
import { OFFLINE_LABEL } from '../../domain/drafts/offline-drafter.js';
import { hashRefs, reasoningSentence } from '../../domain/drafts/reasoning-text.js';
import { draftSummaryLine } from '../../domain/drafts/summary.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, truncate } from './mrkdwn.js';

export interface DraftBlocksInput {
  version: number;
  draft: DraftResult;
  /** 'rep' adds the private listening check; 'channel' leaves it out (listening figures stay private). */
  audience?: 'rep' | 'channel';
  /** Replaces the provenance line (mrkdwn, already escaped), e.g. for a version edited by a person. */
  provenance?: string;
}

export interface DraftMessage {
  /** Notification fallback text: counts only, no user text. */
  text: string;
  blocks: KnownBlock[];
}

const SPIN_LABELS: Record<SpinKind, string> = {
  situation: 'Situation',
  problem: 'Problem',
  implication: 'Implication',
  need_payoff: 'Need-payoff',
};
const UNVERIFIED_REASONS: Record<UnverifiedStatement['reason'], string> = {
  no_citation: 'cites no entry',
  unknown_id: 'cites an unknown entry',
};
const LINE_MAX = 1_000;

const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: truncate(text, max) });
const mrkdwn = (text: string, max: number = LIMITS.sectionText) => ({
  type: 'mrkdwn' as const,
  text: truncate(text, max),
});

/** Compact citation refs, e.g. ` [#12, #15]`. */
export const refs = (ids: readonly number[]): string =>
  ids.length ? ` [${ids.map((id) => `#${id}`).join(', ')}]` : '';

function statementLine(s: Statement): string {
  const quote = s.quote
    ? `_“${escapeMrkdwn(truncate(s.quote, LINE_MAX))}”_${s.speaker ? ` (${escapeMrkdwn(s.speaker)})` : ''}: `
    : '';
  const ours = s.ourWords ? ' _(our words, not theirs)_' : '';
  return `• ${quote}${escapeMrkdwn(truncate(s.text, LINE_MAX))}${refs(s.entryIds)}${ours}`;
}

const listeningLine = (item: ListeningItem) => `• ${escapeMrkdwn(item.text)}${refs(item.entryIds)}`;

/** A titled group of lines as section blocks, each under the section text limit. */
function group(title: string, lines: string[]): KnownBlock[] {
  if (lines.length === 0) return [];
  const blocks: KnownBlock[] = [];
  let text = `*${title}*`;
  for (const line of lines) {
    const next = `${text}\n${line}`;
    if (next.length > LIMITS.sectionText) {
      blocks.push({ type: 'section', text: mrkdwn(text) });
      text = truncate(line, LIMITS.sectionText);
    } else {
      text = next;
    }
  }
  blocks.push({ type: 'section', text: mrkdwn(text) });
  return blocks;
}

function provenance({ meta }: DraftResult): string {
  const parts = [
    meta.provider === 'offline' ? OFFLINE_LABEL : `Drafted with AI (${escapeMrkdwn(meta.model)})`,
  ];
  if (meta.fallbackReason)
    parts.push(`AI unavailable (${escapeMrkdwn(meta.fallbackReason.split(':')[0] ?? '')})`);
  if (meta.leftOut > 0) parts.push(`${meta.leftOut} lower-value entries left out for length`);
  parts.push('every point cites its entries');
  return parts.join(' · ');
}

/**
 * The draft as Block Kit messages (pure). Every user or model string goes through escapeMrkdwn, so mentions,
 * `<!channel>` and links in entries stay inert. Blocks are split across messages at 50 blocks each.
 */
export function draftBlocks({
  version,
  draft,
  audience = 'rep',
  provenance: provenanceText,
}: DraftBlocksInput): DraftMessage[] {
  const { content, unverified } = draft;
  const all: KnownBlock[] = [
    { type: 'header', text: plain(`Shared vision draft v${version}`, LIMITS.headerText) },
    { type: 'context', elements: [mrkdwn(provenanceText ?? provenance(draft), LIMITS.contextText)] },
  ];
  for (const key of CUSTOMER_SECTIONS)
    all.push(...group(SECTION_TITLES[key], content[key].map(statementLine)));
  all.push(
    ...group(
      SECTION_TITLES.vision,
      content.vision.map((v) =>
        v.reasoning
          ? `• ${truncate(reasoningSentence(v.reasoning, hashRefs, escapeMrkdwn), LINE_MAX)}`
          : `• ${escapeMrkdwn(truncate(v.text, LINE_MAX))}${refs(v.entryIds)}`,
      ),
    ),
  );
  all.push(
    ...group(
      'How we got here',
      content.vision.map((v, i) => `• Point ${i + 1} rests on entries${refs(v.entryIds)}`),
    ),
  );
  all.push(
    ...group(
      PERSPECTIVE_TITLE,
      (content.perspective ?? []).map(
        (p) => `• ${escapeMrkdwn(truncate(p.text, LINE_MAX))}${refs(p.entryIds)}`,
      ),
    ),
  );
  if (!content.perspective?.length && content.learnFirst?.length) {
    all.push(
      ...group(
        'Before we suggest anything, we must learn',
        content.learnFirst.map((l) => `• ${escapeMrkdwn(l)}`),
      ),
    );
  }
  all.push(
    ...group(
      'Questions to ask next',
      content.questions.map(
        (q) => `• _${SPIN_LABELS[q.spin]}:_ ${escapeMrkdwn(truncate(q.text, LINE_MAX))}${refs(q.entryIds)}`,
      ),
    ),
  );
  all.push(
    ...group(
      'Unverified (not posted as fact)',
      unverified.map(
        (u) =>
          `• ${escapeMrkdwn(truncate(u.text, LINE_MAX))}${refs(u.entryIds)} _(${UNVERIFIED_REASONS[u.reason]})_`,
      ),
    ),
  );
  if (audience === 'rep') {
    all.push(...group('Listening check (only you see this)', content.listeningCheck.map(listeningLine)));
  }

  const text = draftSummaryLine(version, content, unverified.length);
  const messages: DraftMessage[] = [];
  for (let i = 0; i < all.length; i += LIMITS.blocksPerMessage) {
    messages.push({ text, blocks: all.slice(i, i + LIMITS.blocksPerMessage) });
  }
  return messages;
}
