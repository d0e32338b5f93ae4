import { describe, expect, it } from 'vitest';
import { type CandidateDraft, checkCitations } from '../../../src/domain/drafts/citations.js';
import { nordfreight } from './deal-fixtures.js';

const empty = (): CandidateDraft => ({
  today: [],
  drivers: [],
  successFactors: [],
  constraints: [],
  vision: [],
  questions: [],
});

describe('checkCitations', () => {
  const { entries, stakeholders } = nordfreight();

  it('keeps a statement citing known customer entries and derives speaker and "our words" from them', () => {
    const candidate = empty();
    candidate.drivers.push({
      text: 'Cross-border delays',
      entryIds: [2],
      quote: 'we lose three days on every cross-border shipment',
    });
    candidate.drivers.push({ text: 'Invoices by hand', entryIds: [3], quote: null });
    const { content, unverified, problems } = checkCitations(candidate, entries, stakeholders);
    expect(unverified).toEqual([]);
    expect(problems).toEqual([]);
    expect(content.drivers[0]).toMatchObject({
      entryIds: [2],
      speaker: 'Dana Lee, VP Operations',
      ourWords: false,
    });
    expect(content.drivers[1]).toMatchObject({ entryIds: [3], quote: null, speaker: null, ourWords: true });
  });

  it('moves uncited statements and statements citing unknown or archived ids to unverified', () => {
    const candidate = empty();
    candidate.today.push({ text: 'They are growing fast', entryIds: [], quote: null });
    candidate.drivers.push({ text: 'Needs AI routing', entryIds: [2, 999], quote: null });
    candidate.constraints.push({ text: 'Old driver', entryIds: [8], quote: null });
    const { content, unverified, problems } = checkCitations(candidate, entries, stakeholders);
    expect(content.today).toEqual([]);
    expect(content.drivers).toEqual([]);
    expect(content.constraints).toEqual([]);
    expect(unverified.map((u) => [u.section, u.reason])).toEqual([
      ['today', 'no_citation'],
      ['drivers', 'unknown_id'],
      ['constraints', 'unknown_id'],
    ]);
    expect(problems.map((p) => p.kind)).toEqual(['no_citation', 'unknown_id', 'unknown_id']);
  });

  it('refuses a proposal cited as a customer driver or in the vision, and does not show it as unverified', () => {
    const candidate = empty();
    candidate.drivers.push({ text: 'They want the routing module', entryIds: [1], quote: null });
    candidate.today.push({ text: 'Delays plus routing', entryIds: [2, 1], quote: null });
    candidate.vision.push({ text: 'Routing module everywhere', entryIds: [1], quote: null });
    const { content, unverified, problems } = checkCitations(candidate, entries, stakeholders);
    expect(content.drivers).toEqual([]);
    expect(content.today).toEqual([]);
    expect(content.vision).toEqual([]);
    expect(unverified).toEqual([]);
    expect(problems.map((p) => `${p.kind}:${p.section}`)).toEqual([
      'proposal_as_customer:today',
      'proposal_as_customer:drivers',
      'proposal_as_customer:vision',
    ]);
  });

  it('drops a quote that is not verbatim in a cited entry but keeps the statement', () => {
    const candidate = empty();
    candidate.drivers.push({
      text: 'Delays',
      entryIds: [2],
      quote: 'we desperately need your routing product',
    });
    const { content, problems } = checkCitations(candidate, entries, stakeholders);
    expect(content.drivers[0]).toMatchObject({ quote: null, speaker: null, ourWords: false });
    expect(problems.map((p) => p.kind)).toEqual(['quote_not_verbatim']);
  });

  it('accepts a verbatim quote despite curly quotes, case and spacing', () => {
    const candidate = empty();
    candidate.successFactors.push({ text: 'On time', entryIds: [5], quote: '“95% ON TIME  by Q3”' });
    const { content, problems } = checkCitations(candidate, entries, stakeholders);
    expect(problems).toEqual([]);
    expect(content.successFactors[0]?.speaker).toBe('Dana Lee, VP Operations');
  });

  it('strips unknown ids from questions but keeps the question', () => {
    const candidate = empty();
    candidate.questions.push({ text: 'Who owns the freeze?', spin: 'situation', entryIds: [6, 404] });
    const { content, problems } = checkCitations(candidate, entries, stakeholders);
    expect(content.questions).toEqual([{ text: 'Who owns the freeze?', spin: 'situation', entryIds: [6] }]);
    expect(problems.map((p) => p.kind)).toEqual(['question_unknown_id']);
  });
});
