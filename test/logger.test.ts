import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';

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
});
