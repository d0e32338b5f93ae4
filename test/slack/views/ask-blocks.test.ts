import { describe, expect, it } from 'vitest';
import { answerFromEntries } from '../../../src/domain/ask/index.js';
import { answerBlocks } from '../../../src/slack/views/ask-blocks.js';
import { harborDeal } from '../../domain/drafts/deal-fixtures.js';
import { blockTexts } from './draft-block-texts.js';

describe('answerBlocks', () => {
  const input = harborDeal();
  const facts = {
    accountName: 'Harbor',
    entries: input.entries,
    decisions: [],
    stakeholders: input.stakeholders,
  };
  const texts = (question: string) =>
    blockTexts(answerBlocks(answerFromEntries(question, facts)).blocks).join('\n');

  it('attributes what it cites, flags what they did not confirm, and always suggests the next question', () => {
    const text = texts('what are their constraints?');
    expect(text).toContain(
      'Helen Cho, CFO, said _“no new spend before March, full stop”_ :white_check_mark:',
    );
    expect(text).toContain(
      'Priya Shah, IT architect, said _“our shipment data cannot leave the EU”_ _(not confirmed by them yet)_',
    );
    expect(text).toContain(
      ':ear: *Next, to go deeper, ask them:* _95% on-time delivery by Q3, and no new spend',
    );
  });

  it('turns "what should we pitch?" back to diagnosis', () => {
    const text = texts('what should we pitch to Helen?');
    expect(text).toContain('Diagnose before you prescribe: the customer confirmed 2 drivers');
    expect(text).not.toContain('routing module');
    expect(text).toContain(':ear: *Next, to go deeper, ask them:*');
  });
});
