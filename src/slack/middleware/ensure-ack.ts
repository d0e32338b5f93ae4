import { ReceiverMultipleAckError } from '@slack/bolt';
import type { AppLogger } from '../../logger.js';
import { isObservedRequest } from './request-observer.js';
import type { RequestStep } from './request-pipeline.js';

/**
 * First stage of every request: after every listener has run (or thrown), acknowledge the request if nobody did, so Slack
 * never sees a 404 after 3 s or a 500 for a payload we do not handle (e.g. a button of an old message).
 * It also counts requests in flight so shutdown can wait for them.
 */
export function ensureAck(logger: AppLogger, inFlight: InFlightCounter): RequestStep {
  return async (args, next) => {
    inFlight.enter();
    try {
      await next();
    } catch (error) {
      const observed = args.context.observed;
      if (isObservedRequest(observed)) observed.failed = true;
      (isObservedRequest(observed) ? observed.logger : logger).error('listener failed', error);
    } finally {
      inFlight.leave();
      const observed = args.context.observed;
      const acked = isObservedRequest(observed) && observed.acked;
      if (!acked && 'ack' in args && typeof args.ack === 'function') {
        try {
          await (args.ack as () => Promise<void>)();
        } catch (error) {
          if (!(error instanceof ReceiverMultipleAckError)) logger.warn('late ack failed', error);
        }
      }
    }
  };
}

export class InFlightCounter {
  private count = 0;
  private waiters: (() => void)[] = [];

  enter(): void {
    this.count++;
  }

  leave(): void {
    this.count = Math.max(0, this.count - 1);
    if (this.count === 0) for (const resolve of this.waiters.splice(0)) resolve();
  }

  get size(): number {
    return this.count;
  }

  /** Resolves when nothing is in flight, or after `timeoutMs`. */
  drain(timeoutMs: number): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      timer.unref();
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
