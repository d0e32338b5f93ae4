import type { WebClient } from '@slack/web-api';
import { saidOnAnywhere, saidOnProblem } from '../../../domain/entry-input.js';
import { isValidTimeZone, localDateString } from '../../../domain/time/zoned-time.js';
import type { AppLogger } from '../../../logger.js';

/**
 * "Not in the future", judged in the user's own time zone (users.info), looked up only when the answer depends
 * on the zone. If the lookup fails the date is accepted rather than wrongly refused.
 */
export async function entrySaidOnError(
  client: WebClient,
  logger: AppLogger,
  userId: string,
  saidOn: string | null,
  now: Date,
): Promise<string | null> {
  if (saidOn === null) return null;
  const anywhere = saidOnAnywhere(saidOn, now);
  if (anywhere === 'not_future') return null;
  if (anywhere === 'future') return saidOnProblem(saidOn, '0000-00-00');
  try {
    const info = await client.users.info({ user: userId });
    const zone = info.user?.tz;
    if (!zone || !isValidTimeZone(zone)) return null;
    return saidOnProblem(saidOn, localDateString(now, zone));
  } catch (error) {
    logger.warn('users.info failed; accepting the date', error);
    return null;
  }
}
