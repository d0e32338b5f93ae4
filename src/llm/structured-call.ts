import type OpenAI from 'openai';
import type { AutoParseableResponseFormat } from 'openai/lib/parser';
import type { ParsedChatCompletion, ParsedChoice } from 'openai/resources/chat/completions';
import { toDraftProviderError } from './errors.js';
import { DraftProviderError } from './provider.js';

export interface StructuredRequest<T> {
  model: string;
  system: string;
  user: string;
  responseFormat: AutoParseableResponseFormat<T>;
  /** Sent only when set (some compatible servers reject the parameter). */
  maxCompletionTokens?: number | null | undefined;
  signal?: AbortSignal | undefined;
}

/** One Chat Completions call with structured output; whatever the SDK throws becomes a DraftProviderError. */
export async function requestStructured<T>(
  client: OpenAI,
  request: StructuredRequest<T>,
): Promise<ParsedChatCompletion<T>> {
  try {
    return await client.chat.completions.parse(
      {
        model: request.model,
        messages: [
          { role: 'system', content: request.system },
          { role: 'user', content: request.user },
        ],
        response_format: request.responseFormat,
        ...(request.maxCompletionTokens ? { max_completion_tokens: request.maxCompletionTokens } : {}),
      },
      request.signal ? { signal: request.signal } : undefined,
    );
  } catch (err) {
    throw toDraftProviderError(err);
  }
}

/** What the caller says when the model refused or sent no structured content (it ends up in fallback reasons). */
export interface ReplyProblemMessages {
  refusal: string;
  noContent: string;
}

/** The first choice and its parsed reply; throws DraftProviderError on no choice, refusal, cut-off or no content. */
export function parsedReply<T>(
  completion: ParsedChatCompletion<T>,
  messages: ReplyProblemMessages,
): { choice: ParsedChoice<T>; parsed: T } {
  const choice = completion.choices[0];
  if (!choice) throw new DraftProviderError('invalid_output', 'the reply had no choices');
  if (choice.message.refusal) throw new DraftProviderError('refusal', messages.refusal);
  if (choice.finish_reason === 'length') throw new DraftProviderError('length', 'the reply was cut off');
  const parsed = choice.message.parsed;
  if (!parsed) throw new DraftProviderError('invalid_output', messages.noContent);
  return { choice, parsed };
}
