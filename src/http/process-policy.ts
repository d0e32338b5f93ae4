import type { AppLogger } from '../logger.js';

/** Error codes of a single connection or socket going away: the process itself is fine, keep serving. */
const CONNECTION_ERROR_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ERR_STREAM_PREMATURE_CLOSE',
  // PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now (restart, failover, pg_terminate_backend)
  '57P01',
  '57P02',
  '57P03',
]);

export function isConnectionError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && CONNECTION_ERROR_CODES.has(code)) return true;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && /^Connection terminated\b/.test(message);
}

export interface ProcessLike {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  off(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  off(event: 'uncaughtException', listener: (error: Error) => void): unknown;
}

/**
 * Process-wide policy, logged through the redacting logger (Node's own crash dump would print secrets):
 * - an unhandled rejection is a bug in one request's work: log it and keep serving;
 * - an uncaught exception from a dropped connection (socket, database) leaves nothing half-done: log, keep serving;
 * - any other uncaught exception may have left state half-updated: log it and call `fatal` (graceful stop, exit 1).
 */
export function installProcessPolicy(
  logger: AppLogger,
  fatal: (error: Error) => void,
  target: ProcessLike = process,
): () => void {
  const onRejection = (reason: unknown) => {
    logger.error('unhandled promise rejection (kept serving)', reason);
  };
  let failing = false;
  const onException = (error: Error) => {
    if (isConnectionError(error)) {
      logger.error('uncaught connection error (kept serving)', error);
      return;
    }
    logger.error('uncaught exception: stopping', error);
    if (failing) return;
    failing = true;
    fatal(error);
  };
  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);
  return () => {
    target.off('unhandledRejection', onRejection);
    target.off('uncaughtException', onException);
  };
}
