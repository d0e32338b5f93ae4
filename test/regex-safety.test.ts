import path from 'node:path';
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import { type FoundRegex, inventoryRegexes } from './support/regex-inventory.js';

const SRC = path.resolve(import.meta.dirname, '../src');

/**
 * Super-linear patterns not yet rewritten: none (the last ones became one-pass hand parsers, tested in
 * test/domain/linear-rewrites*.test.ts). A new super-linear pattern fails the test; keep this empty.
 */
const KNOWN_SUPERLINEAR = new Set<string>();

/**
 * `new RegExp` inside a function, and why it is safe. Anything else must be built at module level, where importing
 * the module lets this test record and check it.
 */
const BUILT_IN_FUNCTIONS: Record<string, string> = {
  'src/domain/recap/phrases.ts:patternFor': 'an escaped fixed phrase between lookarounds',
  'src/domain/classifier/rules.ts:<anonymous>': 'a .map over constant word lists, run at import (recorded)',
  'src/slack/listeners/events/app-mention.ts:questionFromMention': 'a Slack user id between fixed characters',
};

/** Runs `load` with the global RegExp constructor recording every pattern it builds. */
async function recordBuiltPatterns(load: () => Promise<unknown>): Promise<FoundRegex[]> {
  const built: FoundRegex[] = [];
  const original = globalThis.RegExp;
  globalThis.RegExp = new Proxy(original, {
    construct(target, args: [string | RegExp, string?]) {
      const made = new target(...args);
      built.push({ where: 'new RegExp', source: made.source, flags: made.flags });
      return made;
    },
  });
  try {
    await load();
  } finally {
    globalThis.RegExp = original;
  }
  return built;
}

describe('every regular expression in src/ runs in linear time (recheck, offline)', () => {
  const inventory = inventoryRegexes(SRC);

  it('finds the patterns, and patterns built in functions only from escaped text', () => {
    expect(inventory.literals.length).toBeGreaterThan(100);
    expect(inventory.modulesBuildingPatterns.length).toBeGreaterThan(0);
    expect([...new Set(inventory.builtInFunctions)].sort()).toEqual(Object.keys(BUILT_IN_FUNCTIONS).sort());
  });

  it('finds no super-linear pattern', { timeout: 300_000 }, async () => {
    const built = await recordBuiltPatterns(async () => {
      for (const file of inventory.modulesBuildingPatterns) await import(file);
    });
    expect(built.length).toBeGreaterThan(10);
    const unsafe: string[] = [];
    const nowLinear: string[] = [];
    const seen = new Set<string>();
    for (const regex of [...inventory.literals, ...built]) {
      const key = `/${regex.source}/${regex.flags}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const result = checkSync(regex.source, regex.flags, { checker: 'automaton', timeout: 1_000 });
      // 'unknown' = recheck ran out of time on a large alternation; only a found attack string fails.
      if (result.status === 'vulnerable' && !KNOWN_SUPERLINEAR.has(key)) {
        unsafe.push(`${regex.where} ${key}: ${result.complexity.summary}`);
      }
      if (result.status === 'safe' && KNOWN_SUPERLINEAR.has(key)) nowLinear.push(key);
    }
    expect(unsafe).toEqual([]);
    expect(nowLinear).toEqual([]);
    // A pattern rewritten away leaves the list too: the list only holds patterns that are still in src/.
    expect([...KNOWN_SUPERLINEAR].filter((key) => !seen.has(key))).toEqual([]);
  });
});
