import { countTokens } from 'gpt-tokenizer';
import { describe, expect, it } from 'vitest';
import {
  checkRecapSize,
  chunkForBudget,
  joinPastedParts,
  RECAP_LIMITS,
} from '../../../src/domain/recap/limits.js';
import type { Utterance } from '../../../src/domain/recap/types.js';

/** One token per whitespace-separated word and per newline: easy to count by hand. */
const countWordsAsTokens = (text: string): number =>
  text.split(/\s+/).filter((w) => w !== '').length + (text.match(/\n/g)?.length ?? 0);

const say = (speaker: string | null, text: string): Utterance => ({
  speaker,
  text,
  startMs: null,
  endMs: null,
});

describe('chunkForBudget', () => {
  it('packs whole turns into chunks and reports nothing cut when within budget', () => {
    // Rendered turns: "Dana: a b c" (4 tokens), "Sam: d e" (3), "Dana: f g h i" (5), "j" (1)
    // Chunk 1: 4 + 1 (newline) + 3 = 8 <= 9; adding 5 more would be 14 > 9. Chunk 2: 5 + 1 + 1 = 7.
    const result = chunkForBudget(
      [say('Dana', 'a b c'), say('Sam', 'd e'), say('Dana', 'f g h i'), say(null, 'j')],
      9,
      countWordsAsTokens,
      100,
    );
    expect(result).toEqual({
      chunks: ['Dana: a b c\nSam: d e', 'Dana: f g h i\nj'],
      tokensPerChunk: [8, 7],
      truncated: false,
      droppedChars: 0,
    });
  });

  it('stops at the total budget and reports what was dropped', () => {
    // Lines of 3 tokens each; chunks of at most 7 tokens hold two lines (3 + 1 + 3).
    // Total budget 10: chunk 1 = 7, then only one more line fits (7 + 3 = 10); "l7 m n" and "o p q" are dropped.
    const text = 'a b c\nd e f\ng h i\nl7 m n\n\no p q\n';
    const result = chunkForBudget(text, 7, countWordsAsTokens, 10);
    expect(result).toEqual({
      chunks: ['a b c\nd e f', 'g h i'],
      tokensPerChunk: [7, 3],
      truncated: true,
      droppedChars: 'l7 m n'.length + 'o p q'.length,
    });
  });

  it('splits a single oversized turn by sentences, then words', () => {
    const result = chunkForBudget(
      'One two three. Four five six seven eight nine.',
      4,
      countWordsAsTokens,
      100,
    );
    expect(result.chunks).toEqual(['One two three.', 'Four five six seven', 'eight nine.']);
    expect(result.truncated).toBe(false);
  });

  it('keeps every chunk within the budget with a real tokenizer', () => {
    const turns = Array.from({ length: 200 }, (_, i) =>
      say(
        i % 2 === 0 ? 'Dana Lee' : 'Sam',
        `Turn ${i}: we lose ${i} days on customs, and the board asks why.`,
      ),
    );
    const result = chunkForBudget(turns, 300, countTokens, 2_000);
    expect(result.truncated).toBe(true);
    expect(result.droppedChars).toBeGreaterThan(0);
    for (const [i, chunk] of result.chunks.entries()) {
      expect(countTokens(chunk)).toBe(result.tokensPerChunk[i]);
      expect(result.tokensPerChunk[i]).toBeLessThanOrEqual(300);
    }
    expect(result.tokensPerChunk.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2_000);
    const kept = result.chunks.join('\n').split('\n').length;
    const droppedLines = turns.slice(kept).map((t) => `${t.speaker}: ${t.text}`);
    expect(result.droppedChars).toBe(droppedLines.reduce((sum, line) => sum + line.length, 0));
  });

  it('rejects non-positive budgets', () => {
    expect(() => chunkForBudget('a', 0, countWordsAsTokens)).toThrow(RangeError);
  });
});

describe('size limits', () => {
  it('states the limits and explains an oversized transcript', () => {
    expect(RECAP_LIMITS.maxTranscriptChars).toBe(200_000);
    expect(RECAP_LIMITS.maxCharsPerSlackInput).toBe(3_000);
    expect(checkRecapSize('x'.repeat(200_000), 'transcript')).toEqual({ ok: true, chars: 200_000 });
    expect(checkRecapSize('x'.repeat(200_001), 'transcript')).toEqual({
      ok: false,
      chars: 200_001,
      max: 200_000,
      message:
        'The transcript has 200,001 characters; the limit is 200,000. Please trim it or split it across meetings.',
    });
  });

  it('joins the paste inputs in order, skipping empty ones', () => {
    expect(joinPastedParts(['Dana: hi', '', null, undefined, 'Sam: hello'])).toBe('Dana: hi\nSam: hello');
  });
});
