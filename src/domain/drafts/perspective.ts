import type { Entry } from '../entries.js';

/** Confirmed customer drivers needed before we lend our own perspective ("diagnose before you prescribe"). */
export const DRIVERS_BEFORE_PERSPECTIVE = 2;

const live = (entries: readonly Entry[]) => entries.filter((e) => !e.archived && !e.internalOnly);

export function confirmedDrivers(entries: readonly Entry[]): Entry[] {
  return live(entries).filter((e) => e.kind === 'driver' && e.status === 'confirmed');
}

/** True once at least two shareable customer drivers are confirmed by the customer. */
export function perspectiveEarned(entries: readonly Entry[]): boolean {
  return confirmedDrivers(entries).length >= DRIVERS_BEFORE_PERSPECTIVE;
}

/**
 * Before our perspective is earned: what we must learn first, in plain sentences addressed to the customer
 * (no user text, so nothing to escape and nothing private).
 */
export function learnFirst(entries: readonly Entry[]): string[] {
  if (perspectiveEarned(entries)) return [];
  const shareable = live(entries);
  const drivers = shareable.filter((e) => e.kind === 'driver');
  const confirmed = confirmedDrivers(entries).length;
  const out: string[] = [];
  if (drivers.length === 0) out.push('what is pushing you to act now, in your words');
  else if (confirmed < DRIVERS_BEFORE_PERSPECTIVE)
    out.push(
      `whether we heard what drives this correctly (${confirmed} of ${drivers.length} confirmed by you so far)`,
    );
  if (!shareable.some((e) => e.kind === 'success_factor'))
    out.push('how you will judge success, and by when');
  if (!shareable.some((e) => e.kind === 'constraint' || e.kind === 'risk'))
    out.push('what any path has to respect: budget, timing, people, policy');
  return out;
}
