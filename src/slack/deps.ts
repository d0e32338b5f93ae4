import type { AppLogger } from '../logger.js';
import type { Repositories } from '../storage/ports.js';

/**
 * Everything a listener may use, passed in by the composition root (src/app.ts) so tests can swap any part.
 * Features add their services here.
 */
export interface AppDeps {
  repos: Repositories;
  logger: AppLogger;
  clock: () => Date;
}
