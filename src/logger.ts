import { LogLevel as BoltLogLevel, type Logger } from '@slack/bolt';
import { type Logger as PinoLoggerBase, pino } from 'pino';
import type { LogFormat, LogLevel } from './config/config.js';
import { prettyLine } from './log-format.js';

/** Slack tokens, OpenAI keys, bearer headers and database passwords never reach a log line. */
const SECRET_PATTERNS = [
  /xox[abpors]-[\w-]+/g,
  /xapp-[\w-]+/g,
  /sk-[\w-]{8,}/g,
  /(authorization["']?\s*[:=]\s*["']?bearer\s+)[^\s"',}]+/gi,
  // Bounded (a user name up to 256 characters, a password up to 4,096, to its last "@": a password may hold one).
  // Unbounded, a line of repeated "postgres://" made it quadratic.
  /(postgres(?:ql)?:\/\/[^:/\s@]{1,256}:)\S{1,4096}@/g,
];

/** Fields whose value is a secret whatever it looks like (pino replaces them before the line is written). */
const SECRET_KEYS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'apiKey',
  'password',
  'authorization',
  'headers.authorization',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.apiKey',
  '*.password',
  '*.authorization',
];

export function redact(text: string): string {
  let out = text;
  for (const pattern of SECRET_PATTERNS) {
    out = out.replace(pattern, (match, prefix?: unknown) =>
      typeof prefix === 'string' && match.startsWith(prefix)
        ? `${prefix}[redacted]${match.endsWith('@') ? '@' : ''}`
        : '[redacted]',
    );
  }
  return out;
}

/** What a child logger carries on every line: who asked, for which workspace, in which listener. */
export interface LogContext {
  component?: string;
  requestId?: string;
  teamId?: string;
  listener?: string;
  durationMs?: number;
  [key: string]: string | number | boolean | undefined;
}

export interface AppLogger extends Logger {
  /** A logger for one part of the app (`bolt`, `web-api`, `nudges`): adds `component` to each line. */
  child(name: string): AppLogger;
  /** A logger whose lines carry these fields (request id, team id, listener, duration). */
  with(context: LogContext): AppLogger;
  /** Whether lines at this level are written (to skip building a line nobody reads). */
  isLevelEnabled(level: LogLevel): boolean;
}

type PinoLogger = PinoLoggerBase<never>;

/** Bolt-style `(...args)`: the first Error becomes `err`, the rest the message (values as JSON). */
function toPino(args: unknown[], context: LogContext): [Record<string, unknown>, string] {
  const fields: Record<string, unknown> = { ...context };
  const words: string[] = [];
  for (const arg of args) {
    if (arg instanceof Error && !('err' in fields)) fields.err = arg;
    else if (typeof arg === 'string') words.push(arg);
    else {
      try {
        words.push(JSON.stringify(arg) ?? String(arg));
      } catch {
        words.push(String(arg));
      }
    }
  }
  if (words.length === 0 && fields.err instanceof Error) words.push(fields.err.message);
  return [fields, words.join(' ')];
}

function wrap(root: PinoLogger, bindings: LogContext): AppLogger {
  // Every Slack request gets a logger with its request id and writes one or two lines with it: its fields go on
  // each line rather than into a pino child, whose set-up (bindings serialised and redacted) costs more than
  // the lines themselves.
  const write = (level: LogLevel, args: unknown[]) => {
    if (!root.isLevelEnabled(level)) return;
    const [fields, message] = toPino(args, bindings);
    root[level](fields, message);
  };
  return {
    debug: (...args) => write('debug', args),
    info: (...args) => write('info', args),
    warn: (...args) => write('warn', args),
    error: (...args) => write('error', args),
    // Bolt sets the level it was given; children share the root's level.
    setLevel: (level: BoltLogLevel) => {
      if ((Object.values(BoltLogLevel) as string[]).includes(level)) root.level = level;
    },
    getLevel: () => root.level as BoltLogLevel,
    isLevelEnabled: (level: LogLevel) => root.isLevelEnabled(level),
    setName: (name: string) => {
      bindings.component = name;
    },
    child: (name: string) =>
      wrap(root, { ...bindings, component: bindings.component ? `${bindings.component}:${name}` : name }),
    with: (context: LogContext) => wrap(root, { ...bindings, ...context }),
  };
}

/**
 * The app's logger (pino): JSON lines, or one readable line per entry with `format: 'pretty'`; every line is
 * redacted before it reaches the sink (stderr by default). Bolt and the Web API client log through children of it.
 */
export function createLogger(
  level: LogLevel,
  name = 'shared-vision',
  sink: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  format: LogFormat = 'json',
): AppLogger {
  const destination = {
    write(line: string) {
      const json = line.endsWith('\n') ? line.slice(0, -1) : line;
      sink(redact(format === 'pretty' ? prettyLine(json) : json));
    },
  };
  const root = pino(
    {
      name,
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: SECRET_KEYS, censor: '[redacted]' },
    },
    destination,
  );
  return wrap(root, {});
}
