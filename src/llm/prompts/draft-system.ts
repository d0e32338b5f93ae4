import { readFileSync } from 'node:fs';

let cached: string | null = null;

/** The drafting system prompt, kept in draft-system.md next to this file. */
export function draftSystemPrompt(): string {
  cached ??= readFileSync(new URL('./draft-system.md', import.meta.url), 'utf8').trim();
  return cached;
}
