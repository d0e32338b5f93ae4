import { countTokens } from './tokens.js';

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  /** True when the server sent no usage (some compatible servers) and the numbers were counted locally. */
  estimated: boolean;
}

interface ReportedUsage {
  prompt_tokens?: number | null;
  completion_tokens?: number | null;
}

/** Usage as reported by the server, or counted locally from the prompt and reply when it is missing. */
export function readUsage(
  reported: ReportedUsage | null | undefined,
  localPromptTokens: number,
  replyText: string | null | undefined,
): TokenUsage {
  if (
    reported &&
    typeof reported.prompt_tokens === 'number' &&
    typeof reported.completion_tokens === 'number'
  ) {
    return {
      promptTokens: reported.prompt_tokens,
      completionTokens: reported.completion_tokens,
      estimated: false,
    };
  }
  return { promptTokens: localPromptTokens, completionTokens: countTokens(replyText ?? ''), estimated: true };
}
