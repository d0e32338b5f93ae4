import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { ContentFilterFinishReasonError, LengthFinishReasonError } from 'openai/core/error';
import { ZodError } from 'zod';
import { DraftProviderError } from './provider.js';

/** Maps whatever the SDK threw to a stable reason, without leaking request details. */
export function toDraftProviderError(err: unknown): DraftProviderError {
  if (err instanceof DraftProviderError) return err;
  if (err instanceof APIUserAbortError) return new DraftProviderError('aborted', 'request aborted');
  if (err instanceof APIConnectionTimeoutError) return new DraftProviderError('timeout', 'request timed out');
  if (err instanceof APIConnectionError)
    return new DraftProviderError('connection', 'could not reach the server');
  if (err instanceof APIError) {
    const status = err.status ?? null;
    const code = err.code ? ` (${err.code})` : '';
    if (status === 429)
      return new DraftProviderError('rate_limited', `rate limited: HTTP 429${code}`, status);
    if (status != null && status >= 500) {
      return new DraftProviderError('server_error', `server error: HTTP ${status}${code}`, status);
    }
    return new DraftProviderError('http_error', `request failed: HTTP ${status ?? '?'}${code}`, status);
  }
  if (err instanceof LengthFinishReasonError) {
    return new DraftProviderError('length', 'the reply was cut off at the token limit');
  }
  if (err instanceof ContentFilterFinishReasonError) {
    return new DraftProviderError('content_filter', 'the reply was blocked by the content filter');
  }
  if (err instanceof ZodError || err instanceof SyntaxError) {
    return new DraftProviderError('invalid_output', 'the reply did not match the draft schema');
  }
  return new DraftProviderError('unknown', err instanceof Error ? err.message : String(err));
}
