import { AuthorizationError, type ReceiverProcessEventErrorHandlerArgs } from '@slack/bolt';
import type { AppLogger } from '../../logger.js';

/**
 * Errors Bolt throws before any listener runs (our ensureAck middleware catches listener errors). A signed body of
 * an unexpected shape (e.g. `event: null`, `message: null`) makes Bolt throw a TypeError: that is a bad request,
 * answered 400 and logged in one redacted line; Slack would not retry it. Anything else keeps Bolt's answers:
 * 401 for authorization, 500 (so Slack retries) for a real failure.
 */
export function processEventErrorHandler(logger: AppLogger) {
  return async ({ error, response }: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> => {
    if (response.headersSent) {
      logger.error('a request failed after it was acknowledged', error);
      return false;
    }
    if (error instanceof AuthorizationError) {
      response.writeHead(401).end();
      return true;
    }
    const cause = (error as { original?: unknown }).original ?? error;
    if (cause instanceof TypeError || cause instanceof RangeError || cause instanceof SyntaxError) {
      logger.warn(`refused a malformed Slack request: ${cause.message}`);
      response
        .writeHead(400, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: 'invalid_body' }));
      return true;
    }
    logger.error('a Slack request failed before any listener ran', error);
    response.writeHead(500).end();
    return false;
  };
}
