import { describe, expect, it } from 'vitest';
import { parseCrmLink } from '../../../src/domain/crm/links.js';
import { crmNoteMarkdown, noteHtml } from '../../../src/domain/crm/note.js';
import type { DraftVersion } from '../../../src/domain/drafts/version.js';
import type { Entry } from '../../../src/domain/entries.js';

const entry = (id: number, quote: string, extra: Partial<Entry> & { internalOnly?: boolean } = {}): Entry =>
  ({
    id,
    teamId: 'T1',
    dealId: 1,
    kind: 'driver',
    statement: quote,
    quote,
    stakeholderId: null,
    source: null,
    saidOn: null,
    priority: 'medium',
    status: 'unconfirmed',
    constraintCategory: null,
    severity: null,
    archived: false,
    createdBy: 'U1',
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...extra,
  }) as Entry;

const statement = (text: string, ids: number[], quote: string | null = null) => ({
  text,
  entryIds: ids,
  quote,
  speaker: null,
  ourWords: quote === null,
});

const version = {
  id: 7,
  version: 3,
  provider: 'offline',
  model: 'offline',
  promptTokens: 0,
  completionTokens: 0,
  usageEstimated: false,
  latencyMs: 0,
  leftOut: 0,
  content: {
    today: [],
    drivers: [
      statement('Borders cost days', [1], 'we lose three days'),
      statement('Churn worry <b>', [2], 'our CFO may walk'),
    ],
    successFactors: [],
    constraints: [],
    vision: [statement('Same-day customs', [1]), statement('Keep the CFO', [1, 2])],
    questions: [{ text: 'What happens if the CFO leaves?', spin: 'implication', entryIds: [2] }],
    listeningCheck: [{ kind: 'our_words', text: 'coaching', entryIds: [1], stakeholderId: null }],
  },
} as unknown as DraftVersion;

describe('the CRM note', () => {
  it('never carries an internal-only entry, nor a statement, vision point or question resting on one', () => {
    const md = crmNoteMarkdown({
      deal: { accountName: 'Acme', dealName: 'Routing', stage: 'x' },
      version,
      entries: [entry(1, 'we lose three days'), entry(2, 'our CFO may walk', { internalOnly: true })],
      stakeholders: [],
    });
    expect(md).toContain('we lose three days');
    expect(md).not.toContain('CFO');
    expect(md).not.toContain('coaching');
  });

  it('without the flag every entry is customer-readable (internalOnly defaults to false)', () => {
    const md = crmNoteMarkdown({
      deal: { accountName: 'Acme', dealName: 'Routing', stage: 'x' },
      version,
      entries: [entry(1, 'a'), entry(2, 'b')],
      stakeholders: [],
    });
    expect(md).toContain('our CFO may walk');
  });

  it('turns the Markdown into HTML without letting text become tags', () => {
    const html = noteHtml('# Title\n\n- “a &lt;b&gt;” \\*x\\*\n- two\n\n1. first\n\ntext');
    expect(html).toBe(
      '<h2>Title</h2><ul><li>“a &lt;b&gt;” *x*</li><li>two</li></ul><ol><li>first</li></ol><p>text</p>',
    );
  });
});

describe('CRM links a rep pastes', () => {
  it.each([
    [
      'https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001AbCdEIAV/view',
      'salesforce',
      '006Hs00001AbCdEIAV',
    ],
    ['https://acme.my.salesforce.com/006Hs00001AbCdE', 'salesforce', '006Hs00001AbCdE'],
    ['https://app.hubspot.com/contacts/4242/deal/9001', 'hubspot', '9001'],
    ['https://app-eu1.hubspot.com/contacts/4242/record/0-3/9001/', 'hubspot', '9001'],
  ])('%s', (url, provider, recordId) => {
    expect(parseCrmLink(url)).toEqual({ provider, recordId });
  });

  it.each([
    'https://acme.lightning.force.com/lightning/r/Account/001Hs00001AbCdEIAV/view',
    'https://app.hubspot.com/contacts/4242/contact/501',
    'https://crm.example.com/deals/42',
    'javascript:alert(1)',
  ])('%s is not an opportunity or deal', (url) => {
    expect(parseCrmLink(url)).toBeNull();
  });
});
