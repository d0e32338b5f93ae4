import { describe, expect, it } from 'vitest';
import {
  crmUrlProblem,
  dealInputSchema,
  dealTitle,
  isDealChannelName,
  stageChoices,
} from '../../src/domain/deal-input.js';
import { DEFAULT_STAGES } from '../../src/domain/deals.js';

const valid = {
  accountName: ' Acme Corp ',
  dealName: 'Routing 2027',
  stage: 'discovery',
  ownerUserId: 'U0REP',
  crmUrl: null,
};

describe('deal input', () => {
  const schema = dealInputSchema([...DEFAULT_STAGES]);

  it('trims names and accepts a stage of the list', () => {
    const parsed = schema.parse(valid);
    expect(parsed.accountName).toBe('Acme Corp');
    expect(parsed.crmUrl).toBeNull();
  });

  it('refuses a stage outside the workspace list (a forged option)', () => {
    const result = schema.safeParse({ ...valid, stage: 'signed in blood' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['stage']);
  });

  it('refuses empty names and names over the limit', () => {
    expect(schema.safeParse({ ...valid, accountName: '   ' }).success).toBe(false);
    expect(schema.safeParse({ ...valid, dealName: 'x'.repeat(81) }).success).toBe(false);
  });

  it('refuses an owner that is not a Slack user id', () => {
    expect(schema.safeParse({ ...valid, ownerUserId: 'C0DEAL' }).success).toBe(false);
  });

  it.each([
    ['https://crm.example.com/deals/1', null],
    ['http://localhost:8080/x', null],
    ['javascript:alert(1)', /http/],
    ['mailto:a@example.com', /http/],
    ['crm deal 42', /not a link/],
    ['https://intranet/deal', /host/],
  ])('CRM link %s', (url, problem) => {
    const found = crmUrlProblem(url);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });

  it('keeps a deal on a stage that was removed from the workspace list', () => {
    expect(stageChoices(['discovery', ' proposal ', 'discovery', ''], 'legacy')).toEqual([
      'discovery',
      'proposal',
      'legacy',
    ]);
    expect(stageChoices(['discovery'], 'Discovery')).toEqual(['discovery']);
  });

  it('matches deal channel names by prefix, case-insensitively', () => {
    expect(isDealChannelName('deal-acme', 'deal-')).toBe(true);
    expect(isDealChannelName('Deal-Acme', 'deal-')).toBe(true);
    expect(isDealChannelName('general', 'deal-')).toBe(false);
    expect(isDealChannelName('anything', '  ')).toBe(false);
    expect(dealTitle({ accountName: 'Acme', dealName: 'Routing' })).toBe('Acme - Routing');
  });
});
