import { countTokens } from 'gpt-tokenizer';
import { describe, expect, it } from 'vitest';
import type { DraftInput } from '../../src/domain/drafts/input.js';
import { buildDraftPrompt, PROMPT_TOKEN_BUDGET } from '../../src/llm/budget.js';
import { DATA_CLOSE, DATA_OPEN } from '../../src/llm/prompts/draft-user.js';
import { DANA, entry, nordfreight, SAM } from '../domain/drafts/deal-fixtures.js';

function hugeDeal(): DraftInput {
  const kinds = ['driver', 'initiative', 'success_factor', 'constraint', 'risk', 'proposal'] as const;
  const entries = Array.from({ length: 1_000 }, (_, i) => {
    const id = i + 1;
    const day = new Date(Date.UTC(2025, 0, 1) + i * 6 * 3_600_000).toISOString().slice(0, 10);
    return entry(
      id,
      kinds[i % kinds.length]!,
      `Entry ${id}: the customer talked at some length about topic ${id % 37}`,
      {
        saidOn: day,
        priority: 'low',
        quote: `unquoted filler ${id} `.repeat(8).trim(),
        stakeholderId: id % 2 ? 1 : 2,
      },
    );
  });
  // A few high-value entries scattered through the deal, including old ones.
  for (const id of [3, 250, 500, 777]) {
    const e = entries[id - 1]!;
    entries[id - 1] = {
      ...e,
      kind: 'driver',
      status: 'confirmed',
      priority: 'high',
      statement: `Key driver ${id}`,
    };
  }
  return {
    deal: { accountName: 'Big', dealName: 'Big deal', stage: 'proposal' },
    stakeholders: [DANA, SAM],
    entries,
    version: 7,
  };
}

describe('buildDraftPrompt', () => {
  it('keeps a 1,000-entry deal under the token budget and says how many entries were left out', () => {
    const input = hugeDeal();
    const prompt = buildDraftPrompt(input);
    const measured = countTokens(prompt.system) + countTokens(prompt.user);
    expect(measured).toBeLessThanOrEqual(PROMPT_TOKEN_BUDGET);
    expect(prompt.promptTokens).toBeGreaterThanOrEqual(measured);
    expect(prompt.includedEntryIds.length).toBeGreaterThan(20);
    expect(prompt.leftOut).toBe(1_000 - prompt.includedEntryIds.length);
    expect(prompt.user).toContain(`${prompt.leftOut} lower-value entries were left out for length`);
  });

  it('keeps the highest-value entries, however old, and leaves out low-value ones', () => {
    const prompt = buildDraftPrompt(hugeDeal());
    for (const id of [3, 250, 500, 777]) expect(prompt.includedEntryIds).toContain(id);
    expect(prompt.includedEntryIds).not.toContain(6); // an old, low-priority, unconfirmed proposal
    // after the key entries, the most recent customer entries win over the oldest ones
    expect(prompt.includedEntryIds).toContain(1_000);
    expect(prompt.includedEntryIds).not.toContain(1);
  });

  it('includes every entry of a small deal and puts all deal text inside the data block', () => {
    const input = nordfreight();
    const prompt = buildDraftPrompt(input);
    expect(prompt.leftOut).toBe(0);
    expect(prompt.includedEntryIds).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const [before, rest] = prompt.user.split(DATA_OPEN);
    expect(before).not.toContain('Nordfreight');
    expect(rest).toContain('Nordfreight');
    expect(prompt.user.endsWith(DATA_CLOSE)).toBe(true);
  });

  it('respects a smaller budget', () => {
    const prompt = buildDraftPrompt(hugeDeal(), 2_500);
    expect(countTokens(prompt.system) + countTokens(prompt.user)).toBeLessThanOrEqual(2_500);
    expect(prompt.includedEntryIds.length).toBeGreaterThan(0);
  });
});
