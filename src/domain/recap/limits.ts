import type { Utterance } from './types.js';

/** Size limits for meeting notes and transcripts (characters unless named otherwise). */
export const RECAP_LIMITS = {
  /** Largest transcript stored with a meeting; longer text is refused with a message, never cut silently. */
  maxTranscriptChars: 200_000,
  /** Largest notes text stored with a meeting. */
  maxNotesChars: 50_000,
  /** Slack plain_text_input max_length; the paste modal offers several inputs. */
  maxCharsPerSlackInput: 3_000,
  /** Paste inputs in the modal: 10 x 3 000 = 30 000 chars pasted; longer transcripts are uploaded as a file. */
  pasteInputs: 10,
  /** Default tokens per LLM call (transcript part of the prompt). */
  maxTokensPerChunk: 6_000,
  /** Default token budget for one recap across all chunks; beyond it the rest is dropped and reported. */
  maxTotalTokens: 48_000,
  maxMeetingTitleChars: 150,
  maxMeetingMinutes: 480,
} as const;

export type SizeCheck =
  | { ok: true; chars: number }
  | { ok: false; chars: number; max: number; message: string };

export function checkRecapSize(text: string, kind: 'transcript' | 'notes'): SizeCheck {
  const max = kind === 'transcript' ? RECAP_LIMITS.maxTranscriptChars : RECAP_LIMITS.maxNotesChars;
  const chars = text.length;
  if (chars <= max) return { ok: true, chars };
  const message = `The ${kind === 'notes' ? 'notes have' : 'transcript has'} ${chars.toLocaleString('en-US')} characters; the limit is ${max.toLocaleString('en-US')}. Please trim it or split it across meetings.`;
  return { ok: false, chars, max, message };
}

/** Joins the modal's paste inputs back into one text (empty inputs skipped, order kept). */
export function joinPastedParts(parts: readonly (string | null | undefined)[]): string {
  return parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join('\n');
}

export type CountTokens = (text: string) => number;

export interface ChunkResult {
  chunks: string[];
  tokensPerChunk: number[];
  /** True when the total budget was reached and the rest was left out. */
  truncated: boolean;
  /** Characters of the input (turn text, as rendered) left out because of the total budget. */
  droppedChars: number;
}

/** "Dana: text" per utterance (speaker-less ones as the bare text). */
export function renderUtterance(utterance: Utterance): string {
  return utterance.speaker ? `${utterance.speaker}: ${utterance.text}` : utterance.text;
}

/** Greedily joins pieces with spaces while the result stays within maxTokens. */
function packWithSpaces(pieces: readonly string[], maxTokens: number, countTokens: CountTokens): string[] {
  const packed: string[] = [];
  let current = '';
  for (const piece of pieces) {
    const candidate = current === '' ? piece : `${current} ${piece}`;
    if (current !== '' && countTokens(candidate) > maxTokens) {
      packed.push(current);
      current = piece;
    } else {
      current = candidate;
    }
  }
  if (current !== '') packed.push(current);
  return packed;
}

/** Splits one turn that alone exceeds the chunk size: at sentence ends, and inside a too-long sentence by words. */
function splitOversized(unit: string, maxTokens: number, countTokens: CountTokens): string[] {
  const pieces = unit
    .split(/(?<=[.!?])\s+/)
    .flatMap((sentence) =>
      countTokens(sentence) <= maxTokens
        ? [sentence]
        : packWithSpaces(sentence.split(/\s+/), maxTokens, countTokens),
    );
  return packWithSpaces(pieces, maxTokens, countTokens);
}

/**
 * Packs turns (utterances or text lines) into chunks of at most `maxTokensPerChunk` tokens, never splitting a
 * turn unless it alone is larger than a chunk. Stops once `maxTotalTokens` would be exceeded and reports what
 * was left out. `countTokens` is injected (the LLM layer passes gpt-tokenizer's countTokens).
 */
export function chunkForBudget(
  input: readonly Utterance[] | string,
  maxTokensPerChunk: number,
  countTokens: CountTokens,
  maxTotalTokens: number = RECAP_LIMITS.maxTotalTokens,
): ChunkResult {
  if (!(maxTokensPerChunk > 0) || !(maxTotalTokens > 0))
    throw new RangeError('Token budgets must be positive.');
  const turns =
    typeof input === 'string' ? input.replace(/\r\n?/g, '\n').split('\n') : input.map(renderUtterance);
  const units = turns
    .filter((turn) => turn.trim() !== '')
    .flatMap((turn) =>
      countTokens(turn) > maxTokensPerChunk ? splitOversized(turn, maxTokensPerChunk, countTokens) : [turn],
    );

  const chunks: string[] = [];
  const tokensPerChunk: number[] = [];
  const unitTokens = units.map((unit) => countTokens(unit));
  const separatorTokens = countTokens('\n');
  let usedTokens = 0;
  let i = 0;
  while (i < units.length) {
    // Greedy by summed unit counts, then checked exactly; shrink in the rare case joining costs more.
    let end = i + 1;
    let estimate = unitTokens[i]!;
    while (end < units.length && estimate + separatorTokens + unitTokens[end]! <= maxTokensPerChunk) {
      estimate += separatorTokens + unitTokens[end]!;
      end++;
    }
    let chunk = units.slice(i, end).join('\n');
    let tokens = countTokens(chunk);
    while (tokens > maxTokensPerChunk && end - i > 1) {
      end--;
      chunk = units.slice(i, end).join('\n');
      tokens = countTokens(chunk);
    }
    while (usedTokens + tokens > maxTotalTokens && end > i) {
      end--;
      chunk = units.slice(i, end).join('\n');
      tokens = end > i ? countTokens(chunk) : 0;
    }
    if (end === i) {
      const droppedChars = units.slice(i).reduce((sum, dropped) => sum + dropped.length, 0);
      return { chunks, tokensPerChunk, truncated: true, droppedChars };
    }
    chunks.push(chunk);
    tokensPerChunk.push(tokens);
    usedTokens += tokens;
    i = end;
  }
  return { chunks, tokensPerChunk, truncated: false, droppedChars: 0 };
}
