import { describe, expect, it } from 'vitest';
import {
  entryInputSchema,
  parseEntryKind,
  prefillFromText,
  saidOnAnywhere,
  saidOnProblem,
} from '../../src/domain/entry-input.js';

const base = {
  kind: 'driver',
  statement: 'Cross-border shipments take three days too long',
  quote: null,
  stakeholderId: null,
  stakeholderName: null,
  stakeholderTitle: null,
  stakeholderRole: null,
  source: null,
  saidOn: null,
  priority: 'medium',
  status: 'unconfirmed',
  constraintCategory: null,
  severity: null,
};

const problems = (input: object) => {
  const parsed = entryInputSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
};

describe('entry input rules', () => {
  it('accepts a plain driver and drops constraint-only fields for other kinds', () => {
    const parsed = entryInputSchema.parse({ ...base, constraintCategory: 'budget', severity: 'high' });
    expect(parsed.constraintCategory).toBeNull();
    expect(parsed.severity).toBeNull();
  });

  it('gives constraints a category and severity by default', () => {
    const parsed = entryInputSchema.parse({ ...base, kind: 'constraint' });
    expect(parsed).toMatchObject({ constraintCategory: 'other', severity: 'medium' });
  });

  it('needs a one-line statement of sensible length', () => {
    expect(problems({ ...base, statement: '  ' })[0]).toMatch(/^statement: Say it in one line/);
    expect(problems({ ...base, statement: 'x'.repeat(301) })[0]).toMatch(/^statement: Keep it under 300/);
    expect(problems({ ...base, statement: 'x'.repeat(300) })).toEqual([]);
  });

  it('needs a name when a quote is given, unless an existing stakeholder is picked', () => {
    expect(problems({ ...base, quote: 'we lose three days' })).toEqual([
      'stakeholderName: Who said it? A quote needs a name.',
    ]);
    expect(problems({ ...base, quote: 'we lose three days', stakeholderName: 'Dana' })).toEqual([]);
    expect(problems({ ...base, quote: 'we lose three days', stakeholderId: 4 })).toEqual([]);
  });

  it('limits quotes and names', () => {
    expect(problems({ ...base, quote: 'q'.repeat(3001), stakeholderName: 'Dana' })[0]).toMatch(/^quote:/);
    expect(problems({ ...base, stakeholderName: 'n'.repeat(81) })[0]).toMatch(/^stakeholderName:/);
  });

  it('refuses dates that are not real calendar days', () => {
    expect(problems({ ...base, saidOn: '2026-02-30' })[0]).toMatch(/^saidOn:/);
    expect(problems({ ...base, saidOn: '2026-02-28' })).toEqual([]);
  });
});

describe('said-on date', () => {
  it('is refused when after today in the user zone', () => {
    expect(saidOnProblem('2026-11-27', '2026-11-26')).toMatch(/future/);
    expect(saidOnProblem('2026-11-26', '2026-11-26')).toBeNull();
    expect(saidOnProblem(null, '2026-11-26')).toBeNull();
  });

  it('only needs the user zone near the date line', () => {
    const now = new Date('2026-11-26T03:00:00Z'); // still Nov 25 in New York, Nov 26 in Tokyo
    expect(saidOnAnywhere('2026-11-24', now)).toBe('not_future');
    expect(saidOnAnywhere('2026-11-26', now)).toBe('depends_on_zone');
    expect(saidOnAnywhere('2026-11-28', now)).toBe('future');
  });
});

describe('kind words', () => {
  it.each([
    ['driver', 'driver'],
    ['drivers', 'driver'],
    ['Business drivers', 'driver'],
    ['initiatives', 'initiative'],
    ['success', 'success_factor'],
    ['successes', 'success_factor'],
    ['csf', 'success_factor'],
    ['CSFs', 'success_factor'],
    ['success-factors', 'success_factor'],
    ['critical success factors', 'success_factor'],
    ['constraints', 'constraint'],
    ['risks', 'risk'],
    ['proposals', 'proposal'],
  ])('"%s" is %s', (typed, kind) => {
    expect(parseEntryKind(typed)).toBe(kind);
  });

  it.each(['', 'decisions', 'stuff'])('"%s" is not a kind', (typed) => {
    expect(parseEntryKind(typed)).toBeNull();
  });
});

describe('prefill from command text', () => {
  it('puts text in quotation marks into the quote field, without the marks', () => {
    expect(prefillFromText('"we lose three days"')).toEqual({ quote: 'we lose three days' });
    expect(prefillFromText('\u201cno new spend before March\u201d')).toEqual({
      quote: 'no new spend before March',
    });
    expect(prefillFromText('\u00abon time by Q3\u00bb')).toEqual({ quote: 'on time by Q3' });
  });

  it('puts anything else into the one-line statement, shortened when too long', () => {
    expect(prefillFromText('  shipping delays  ')).toEqual({ statement: 'shipping delays' });
    expect(prefillFromText('they said "slow" twice')).toEqual({ statement: 'they said "slow" twice' });
    const long = prefillFromText(`${'word '.repeat(100)}`).statement!;
    expect(long.length).toBeLessThanOrEqual(300);
    expect(long.endsWith('\u2026')).toBe(true);
    expect(prefillFromText('   ')).toEqual({});
  });
});
