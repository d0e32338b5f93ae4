/** Fields every line has; the pretty format shows them in its own layout instead of as key=value. */
const LAYOUT_KEYS = new Set(['time', 'level', 'msg', 'name', 'component', 'pid', 'hostname', 'err']);

const LEVEL_LABELS: Record<string, string> = {
  debug: 'DEBUG',
  info: 'INFO ',
  warn: 'WARN ',
  error: 'ERROR',
  fatal: 'FATAL',
  trace: 'TRACE',
};

const show = (value: unknown): string => {
  if (typeof value === 'string') return /[\s"=]/.test(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value) ?? String(value);
};

/**
 * One pino JSON line as a readable line for a terminal (LOG_FORMAT=pretty):
 * `14:03:07.512 INFO  [bolt] message requestId=… teamId=… durationMs=12`, then the error's stack if any.
 * A small formatter instead of pino-pretty: no worker thread, nothing extra in a production install.
 */
export function prettyLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const time = typeof entry.time === 'string' ? entry.time.slice(11, 23) : '';
  const level = LEVEL_LABELS[String(entry.level)] ?? String(entry.level).toUpperCase();
  const where = entry.component ? `[${String(entry.component)}] ` : '';
  const extras = Object.entries(entry)
    .filter(([key]) => !LAYOUT_KEYS.has(key))
    .map(([key, value]) => `${key}=${show(value)}`);
  const line = `${time} ${level} ${where}${String(entry.msg ?? '')}${extras.length ? ` ${extras.join(' ')}` : ''}`;
  const err = entry.err as { stack?: unknown; message?: unknown } | undefined;
  const stack =
    typeof err?.stack === 'string' ? err.stack : typeof err?.message === 'string' ? err.message : '';
  return stack ? `${line}\n${stack.replace(/^/gm, '    ')}` : line;
}
