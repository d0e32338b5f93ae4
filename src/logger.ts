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

/**
 * Fields whose value is a secret whatever it looks like: replaced in a line's own fields and in an error's fields
 * (two levels deep: `err.token`, `err.headers.authorization`).
 */
const SECRET_KEYS = new Set([
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'apiKey',
  'password',
  'authorization',
]);
const CENSOR = '[redacted]';

function redactKeys(fields: Record<string, unknown>, depth: number): Record<string, unknown> {
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (SECRET_KEYS.has(key)) fields[key] = CENSOR;
    else if (depth > 1 && typeof value === 'object' && value !== null && !Array.isArray(value))
      fields[key] = redactKeys({ ...(value as Record<string, unknown>) }, depth - 1);
  }
  return fields;
}

/** Text every secret pattern above contains: a line with none of it (most lines) is scanned once, not five times. */
const MAY_HOLD_SECRET = /xox|xapp-|sk-|bearer|postgres/i;

export function redact(text: string): string {
  if (!MAY_HOLD_SECRET.test(text)) return text;
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

/**
 * Every Slack request gets a logger with its request id and writes one or two lines with it: its fields go on each
 * line rather than into a pino child, whose set-up (bindings serialised and redacted) costs more than the lines.
 */
class ContextLogger implements AppLogger {
  constructor(
    private readonly root: PinoLogger,
    private readonly bindings: LogContext,
  ) {}

  private write(level: LogLevel, args: unknown[]): void {
    if (!this.root.isLevelEnabled(level)) return;
    const [fields, message] = toPino(args, this.bindings);
    this.root[level](redactKeys(fields, 1), message);
  }

  debug(...args: unknown[]): void {
    this.write('debug', args);
  }

  info(...args: unknown[]): void {
    this.write('info', args);
  }

  warn(...args: unknown[]): void {
    this.write('warn', args);
  }

  error(...args: unknown[]): void {
    this.write('error', args);
  }

  /** Bolt sets the level it was given; children share the root's level. */
  setLevel(level: BoltLogLevel): void {
    if ((Object.values(BoltLogLevel) as string[]).includes(level)) this.root.level = level;
  }

  getLevel(): BoltLogLevel {
    return this.root.level as BoltLogLevel;
  }

  isLevelEnabled(level: LogLevel): boolean {
    return this.root.isLevelEnabled(level);
  }

  setName(name: string): void {
    this.bindings.component = name;
  }

  child(name: string): AppLogger {
    const component = this.bindings.component ? `${this.bindings.component}:${name}` : name;
    return new ContextLogger(this.root, { ...this.bindings, component });
  }

  with(context: LogContext): AppLogger {
    return new ContextLogger(this.root, { ...this.bindings, ...context });
  }
}

/**
 * The app's logger (pino): JSON lines, or one readable line per entry with `format: 'pretty'`; every line is
 * redacted before it reaches the sink (stderr by default). Bolt and the Web API client log through children of it.
 */
export function createLogger(
  level: LogLevel,
  name = 'shared-vision',
  sink: (line: string) => void = batchedStderr,
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
      serializers: { err: (error: Error) => redactKeys(pino.stdSerializers.err(error), 2) },
    },
    destination,
  );
  return new ContextLogger(root, {});
}

let pendingLines: string[] = [];
let flushScheduled = false;
let exitFlushRegistered = false;

function flushStderr(): void {
  flushScheduled = false;
  if (pendingLines.length === 0) return;
  const text = `${pendingLines.join('\n')}\n`;
  pendingLines = [];
  process.stderr.write(text);
}

/**
 * The default sink: stderr, written once per turn of the event loop instead of once per line (under load each
 * Slack request writes a line, and each write is a system call). Whatever is pending is written when the process
 * exits, also on a fatal error (stderr writes are synchronous for files, pipes and terminals on Linux).
 */
export function batchedStderr(line: string): void {
  pendingLines.push(line);
  if (flushScheduled) return;
  if (!exitFlushRegistered) {
    exitFlushRegistered = true;
    process.once('exit', flushStderr);
  }
  flushScheduled = true;
  setImmediate(flushStderr);
}
