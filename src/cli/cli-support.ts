import { z } from 'zod';
import { ConfigError } from '../config/config.js';
import { loadConfig } from '../config/load.js';
import { openStorage } from '../storage/index.js';

export type OpenedStorage = Awaited<ReturnType<typeof openStorage>>;

/** Prints what is wrong with the arguments, then the usage; the exit code for bad arguments. */
export function reportBadArguments(error: unknown, usage: string): 2 {
  const detail =
    error instanceof z.ZodError
      ? error.issues.map((i) => `${i.path.length ? `--${String(i.path[0])} ` : ''}${i.message}`)
      : [String((error as Error).message)];
  console.error([...detail, usage].join('\n'));
  return 2;
}

/** The configured database, or null after saying why it could not be opened (never echoing a URL). */
export async function openConfiguredStorage(): Promise<OpenedStorage | null> {
  try {
    return await openStorage(loadConfig().database);
  } catch (error) {
    console.error(
      error instanceof ConfigError
        ? `configuration problem:\n${error.message}`
        : `cannot open the database: ${(error as Error).message}`,
    );
    return null;
  }
}
