/**
 * Caps model calls in flight: at most `global` for the whole app and `perUser` for one person (per team). It does
 * not queue: a call beyond a limit is refused at once, so the person can be told "busy" instead of waiting
 * behind other people's recaps past Slack's patience.
 */
export interface ModelGate {
  /** A release function when a slot was free (call it once, when the work ends); null when busy. */
  tryEnter(teamId: string, userId: string): (() => void) | null;
  readonly active: number;
}

export interface ModelLimits {
  global: number;
  perUser: number;
}

export const DEFAULT_MODEL_LIMITS: ModelLimits = { global: 8, perUser: 2 };

export const MODEL_BUSY_MESSAGE = 'I am busy with other requests right now. Please try again in a minute.';

export function createModelGate(limits: ModelLimits = DEFAULT_MODEL_LIMITS): ModelGate {
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`model limit ${name} must be >= 1`);
  }
  let active = 0;
  const perUser = new Map<string, number>();
  return {
    tryEnter(teamId, userId) {
      const key = `${teamId}:${userId}`;
      const mine = perUser.get(key) ?? 0;
      if (active >= limits.global || mine >= limits.perUser) return null;
      active++;
      perUser.set(key, mine + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        active--;
        const left = (perUser.get(key) ?? 1) - 1;
        if (left > 0) perUser.set(key, left);
        else perUser.delete(key);
      };
    },
    get active() {
      return active;
    },
  };
}

/** Runs `work` in a slot, or returns `busy` without running it. */
export async function withModelSlot<T>(
  gate: ModelGate | undefined,
  teamId: string,
  userId: string,
  work: () => Promise<T>,
): Promise<{ busy: true } | { busy: false; value: T }> {
  if (!gate) return { busy: false, value: await work() };
  const release = gate.tryEnter(teamId, userId);
  if (!release) return { busy: true };
  try {
    return { busy: false, value: await work() };
  } finally {
    release();
  }
}
