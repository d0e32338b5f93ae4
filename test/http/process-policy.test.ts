import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { installProcessPolicy, isConnectionError, type ProcessLike } from '../../src/http/process-policy.js';
import { createLogger } from '../../src/logger.js';

function setup() {
  const lines: string[] = [];
  const fatal: Error[] = [];
  const target = new EventEmitter();
  const uninstall = installProcessPolicy(
    createLogger('info', 'test', (line) => lines.push(line)),
    (error) => fatal.push(error),
    target as unknown as ProcessLike,
  );
  return { lines, fatal, target, uninstall };
}

describe('process policy', () => {
  it('logs an unhandled rejection through the redacting logger and keeps serving', () => {
    const { lines, fatal, target } = setup();
    target.emit('unhandledRejection', new Error('failed with Authorization: Bearer xoxb-1234-secret'));
    expect(fatal).toEqual([]);
    expect(lines.join('\n')).toContain('unhandled promise rejection');
    expect(lines.join('\n')).not.toContain('xoxb-1234-secret');
  });

  it('keeps serving after a dropped connection (socket reset, PostgreSQL terminated)', () => {
    const { fatal, target, lines } = setup();
    target.emit('uncaughtException', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
    target.emit(
      'uncaughtException',
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    );
    target.emit('uncaughtException', new Error('Connection terminated unexpectedly'));
    expect(fatal).toEqual([]);
    expect(lines.filter((l) => l.includes('kept serving'))).toHaveLength(3);
  });

  it('stops once, logged and redacted, on any other uncaught exception', () => {
    const { fatal, target, lines, uninstall } = setup();
    target.emit('uncaughtException', new TypeError('postgres://app:hunter2@db/x is not a function'));
    target.emit('uncaughtException', new TypeError('again'));
    expect(fatal).toHaveLength(1);
    expect(lines.join('\n')).not.toContain('hunter2');
    uninstall();
    expect(target.listenerCount('uncaughtException')).toBe(0);
    expect(target.listenerCount('unhandledRejection')).toBe(0);
  });

  it('tells connection errors from bugs', () => {
    expect(isConnectionError({ code: 'EPIPE' })).toBe(true);
    expect(isConnectionError(new RangeError('Maximum call stack size exceeded'))).toBe(false);
    expect(isConnectionError(null)).toBe(false);
  });
});
