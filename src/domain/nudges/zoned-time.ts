/** Moved to src/domain/time/zoned-time.ts; kept so older imports keep working. */
export * from '../time/zoned-time.js';
