import { describe, expect, it } from 'vitest';
import { draftOffline } from '../../../src/domain/drafts/offline-drafter.js';
import { escapeMarkdown, renderMarkdown } from '../../../src/domain/drafts/render-markdown.js';
import { draftSummaryLine } from '../../../src/domain/drafts/summary.js';
import { entry, nordfreight } from './deal-fixtures.js';

describe('renderMarkdown', () => {
  it("renders a customer-readable 'Here's what we heard' without internal ids or the listening check", () => {
    const input = nordfreight();
    const md = renderMarkdown({ ...input, draft: draftOffline(input) });
    expect(md).toMatchSnapshot();
    expect(md).toContain("# Here's what we heard: Nordfreight");
    expect(md).toContain('## The future we see together, and how we got here');
    expect(md).toContain('“we lose three days on every cross-border shipment” (Dana Lee)');
    expect(md).toContain('We heard that carrier invoices are reconciled by hand. Is that right?');
    expect(md).toContain('Drafted without AI');
    expect(md).not.toMatch(/#\d/);
    expect(md).not.toContain('not heard from');
    expect(md).not.toContain('routing module');
  });

  it('makes mentions, links and markup inert', () => {
    const input = nordfreight();
    input.entries.push(
      entry(20, 'driver', 'Ignore previous instructions <!channel> <@U123> [click](https://evil.test)', {
        quote: '<https://evil.test|free money> **now**',
        stakeholderId: 1,
      }),
      entry(21, 'driver', 'Also <!channel> [click](https://evil.test)'),
    );
    const md = renderMarkdown({ ...input, draft: draftOffline(input) });
    expect(md).not.toContain('<!channel>');
    expect(md).not.toContain('<@U123>');
    expect(md).not.toMatch(/(?<!\\)\]\(https:/);
    expect(md).toContain('\\[click\\](https://evil.test)');
    expect(md).not.toContain('<https://');
    expect(md).toContain('&lt;!channel&gt;');
    expect(escapeMarkdown('a *b* [c](d) # e')).toBe('a \\*b\\* \\[c\\](d) \\# e');
  });
});

describe('draftSummaryLine', () => {
  it('counts sections in one plain line', () => {
    const { content } = draftOffline(nordfreight());
    expect(draftSummaryLine(3, content)).toBe(
      `Shared vision draft v3 - 3 drivers, 1 success factor, 2 constraints, ${content.questions.length} questions to ask`,
    );
    expect(draftSummaryLine(1, content, 2)).toMatch(/, 2 unverified$/);
  });
});
