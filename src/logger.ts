import { LogLevel as BoltLogLevel, type Logger } from '@slack/bolt';
import type { LogLevel } from './config/config.js';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Slack tokens, OpenAI keys and bearer headers never reach a log line. */
const SECRET_PATTERNS = [
  /xox[abpors]-[\w-]+/g,
  /xapp-[\w-]+/g,
  /sk-[\w-]{8,}/g,
  /(authorization["']?\s*[:=]\s*["']?bearer\s+)[^\s"',}]+/gi,
  /(postgres(?:ql)?:\/\/[^:/\s]+:)[^@\s]+@/g,
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

function format(args: unknown[]): string {
  return args
    .map((arg) => {
      if (arg instanceof Error) return arg.stack ?? `${arg.name}: ${arg.message}`;
      if (typeof arg === 'string') return arg;
      try {
        return JSON.stringify(arg);
      } catch {
        return String(arg);
      }
    })
    .join(' ');
}

export interface AppLogger extends Logger {
  child(name: string): AppLogger;
}

/** A Bolt-compatible logger that filters by level and redacts secrets. */
export function createLogger(
  level: LogLevel,
  name = 'shared-vision',
  sink: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): AppLogger {
  let current: LogLevel = level;
  let currentName = name;
  const write = (lvl: LogLevel, args: unknown[]) => {
    if (ORDER[lvl] < ORDER[current]) return;
    sink(redact(`${new Date().toISOString()} ${lvl.toUpperCase()} [${currentName}] ${format(args)}`));
  };
  return {
    debug: (...args) => write('debug', args),
    info: (...args) => write('info', args),
    warn: (...args) => write('warn', args),
    error: (...args) => write('error', args),
    setLevel: (lvl: BoltLogLevel) => {
      current = (Object.values(BoltLogLevel) as string[]).includes(lvl) ? (lvl as LogLevel) : current;
    },
    getLevel: () => current as BoltLogLevel,
    setName: (n: string) => {
      currentName = n;
    },
    child: (child: string) => createLogger(current, `${currentName}:${child}`, sink),
  };
}
