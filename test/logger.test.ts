import { spawnSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { batchedStderr, createLogger } from '../src/logger.js';

function capture(format: 'json' | 'pretty' = 'json', level: 'debug' | 'info' | 'warn' = 'info') {
  const lines: string[] = [];
  return { lines, logger: createLogger(level, 'shared-vision', (line) => lines.push(line), format) };
}

describe('logger', () => {
  it('writes one JSON object per line with level, time, component and the child context', () => {
    const { lines, logger } = capture();
    logger
      .child('listeners')
      .with({ requestId: 'req-1', teamId: 'T0TEAM', listener: 'command /vision' })
      .with({ durationMs: 12 })
      .info('handled');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({
      level: 'info',
      name: 'shared-vision',
      component: 'listeners',
      requestId: 'req-1',
      teamId: 'T0TEAM',
      listener: 'command /vision',
      durationMs: 12,
      msg: 'handled',
    });
    expect(Number.isNaN(Date.parse(String(entry.time)))).toBe(false);
  });

  it('keeps Bolt-style arguments: an Error becomes err with its stack, other values join the message', () => {
    const { lines, logger } = capture();
    logger.child('bolt').error('listener failed', new Error('boom'), { code: 42 });
    const entry = JSON.parse(lines[0]!) as { msg: string; err: { message: string; stack: string } };
    expect(entry.msg).toBe('listener failed {"code":42}');
    expect(entry.err.message).toBe('boom');
    expect(entry.err.stack).toContain('logger.test.ts');
  });

  it('filters by level, and Bolt can change the level of the whole tree', () => {
    const { lines, logger } = capture('json', 'warn');
    const child = logger.child('web-api');
    child.info('not shown');
    child.setLevel('debug' as never);
    child.debug('shown');
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['shown']);
    expect(logger.getLevel()).toBe('debug');
  });

  it('redacts tokens, keys, bearer headers and database passwords in messages, errors and fields', () => {
    const { lines, logger } = capture();
    logger.warn(
      'call failed: xoxb-1234-5678-abcdef xapp-1-A0-123-abc sk-proj-abcdefghijkl',
      new Error(
        'connect postgres://app:s3cret-pw@db.internal:5432/vision failed; Authorization: Bearer xoxb-9-9',
      ),
    );
    logger.with({ apiKey: 'plain-looking-key', component: 'llm' }).info('configured');
    const all = lines.join('\n');
    for (const secret of [
      'xoxb-1234',
      'xapp-1-A0',
      'sk-proj-abc',
      's3cret-pw',
      'xoxb-9-9',
      'plain-looking-key',
    ]) {
      expect(all).not.toContain(secret);
    }
    expect(all).toContain('postgres://app:[redacted]@db.internal:5432/vision');
    expect(all).toContain('"apiKey":"[redacted]"');
  });

  it('pretty format: one readable line with the context as key=value, the stack indented below', () => {
    const { lines, logger } = capture('pretty');
    logger.child('listeners').with({ requestId: 'req-2', teamId: 'T1' }).error('ack late', new Error('slow'));
    const [first, ...stack] = lines[0]!.split('\n');
    expect(first).toMatch(/^\d\d:\d\d:\d\d\.\d{3} ERROR \[listeners\] ack late requestId=req-2 teamId=T1$/);
    expect(stack[0]).toBe('    Error: slow');
  });

  it("redacts an error's own secret fields, one and two levels deep", () => {
    const { lines, logger } = capture();
    const error = Object.assign(new Error('HTTP 401'), {
      token: 'plain-token-value',
      headers: { authorization: 'Basic cGxhaW4=' },
      request: { password: 'hunter2hunter2' },
      code: 'invalid_auth',
    });
    logger.error('CRM call failed', error);
    expect(lines[0]).not.toMatch(/plain-token-value|cGxhaW4=|hunter2hunter2/);
    const line = JSON.parse(lines[0]!) as { err: Record<string, unknown> };
    expect(line.err).toMatchObject({
      message: 'HTTP 401',
      code: 'invalid_auth',
      token: '[redacted]',
      headers: { authorization: '[redacted]' },
      request: { password: '[redacted]' },
    });
  });
});

describe('batchedStderr, the default sink', () => {
  it('writes the lines of one turn of the event loop with one write, in order', async () => {
    const writes: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    try {
      batchedStderr('{"n":1}');
      batchedStderr('{"n":2}');
      batchedStderr('{"n":3}');
      expect(writes).toEqual([]);
      await new Promise((resolve) => setImmediate(resolve));
      expect(writes).toEqual(['{"n":1}\n{"n":2}\n{"n":3}\n']);
      batchedStderr('{"n":4}');
      await new Promise((resolve) => setImmediate(resolve));
      expect(writes).toEqual(['{"n":1}\n{"n":2}\n{"n":3}\n', '{"n":4}\n']);
    } finally {
      spy.mockRestore();
    }
  });

  it('writes what is pending when the process exits at once, as after a fatal error', () => {
    const script = `
      const { createLogger } = await import(${JSON.stringify(new URL('../src/logger.ts', import.meta.url).href)});
      const logger = createLogger('info');
      logger.error('fatal: giving up', new Error('boom'));
      process.exit(1);
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(child.status).toBe(1);
    const line = JSON.parse(child.stderr.trim().split('\n').at(-1)!) as {
      msg: string;
      err: { message: string };
    };
    expect(line).toMatchObject({ msg: 'fatal: giving up', err: { message: 'boom' } });
  });
});
