import type { DraftInput } from '../domain/drafts/input.js';
import { selectWithinBudget } from '../domain/drafts/select-entries.js';
import { shareableEntries } from '../domain/privacy/internal-only.js';
import { draftSystemPrompt } from './prompts/draft-system.js';
import { buildUserPrompt, entryJson, speakerLabels } from './prompts/draft-user.js';
import { countTokens } from './tokens.js';

/** Prompt tokens (system + user) a draft may use, whatever the size of the deal. */
export const PROMPT_TOKEN_BUDGET = 6_000;
/** Per-message framing the chat format adds, plus a small safety margin. */
const CHAT_OVERHEAD = 16;

export interface DraftPrompt {
  system: string;
  user: string;
  /** Prompt tokens as counted locally (o200k encoding). */
  promptTokens: number;
  includedEntryIds: number[];
  leftOut: number;
}

/**
 * Builds the system and user prompts within the token budget: ranks the deal's entries (confirmed, quoted,
 * recent, high priority first), keeps as many as fit, and says in the prompt how many were left out.
 */
export function buildDraftPrompt(input: DraftInput, budget = PROMPT_TOKEN_BUDGET): DraftPrompt {
  const system = draftSystemPrompt();
  const speakers = speakerLabels(input.stakeholders);
  const jsonById = new Map(input.entries.map((e) => [e.id, entryJson(e, speakers)]));
  // Internal-only entries never reach the model: whatever it writes may be posted in the channel.
  const live = shareableEntries(input.entries);
  const frame = buildUserPrompt({ input, entryJsons: [], leftOut: live.length });
  const fixed = countTokens(system) + countTokens(frame) + CHAT_OVERHEAD;
  const cost = (id: number) => countTokens(jsonById.get(id) ?? '') + 2;

  let room = Math.max(budget - fixed, 0);
  for (;;) {
    const { selected, leftOut } = selectWithinBudget(live, (e) => cost(e.id), room);
    const user = buildUserPrompt({
      input,
      entryJsons: selected.map((e) => jsonById.get(e.id)!),
      leftOut: leftOut.length,
    });
    const promptTokens = countTokens(system) + countTokens(user) + CHAT_OVERHEAD;
    if (promptTokens <= budget || selected.length === 0) {
      return {
        system,
        user,
        promptTokens,
        includedEntryIds: selected.map((e) => e.id),
        leftOut: leftOut.length,
      };
    }
    room -= promptTokens - budget;
  }
}
