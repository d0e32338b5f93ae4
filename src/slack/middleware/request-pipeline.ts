import type { AllMiddlewareArgs, AnyMiddlewareArgs, Middleware } from '@slack/bolt';

export type RequestArgs = AnyMiddlewareArgs & AllMiddlewareArgs;

/** One stage of handling a Slack request: calls `next` to hand the request on, or does not to stop it there. */
export type RequestStep = (args: RequestArgs, next: () => Promise<void>) => Promise<void>;

/**
 * The app's own stages, in order, as one Bolt middleware: Bolt copies every argument of the request for each
 * middleware it calls, and these run for every request. After the last stage, Bolt's own listeners (if any).
 */
export function pipeline(...steps: RequestStep[]): Middleware<AnyMiddlewareArgs> {
  return (args) => {
    const run = (index: number): Promise<void> => {
      const step = steps[index];
      return step ? step(args, () => run(index + 1)) : args.next();
    };
    return run(0);
  };
}
