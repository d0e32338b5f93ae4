import type { AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';
import type { RequestStep } from './request-pipeline.js';

type Kind = 'command' | 'action' | 'view' | 'event' | 'shortcut' | 'options';
type Listener = Middleware<AnyMiddlewareArgs>;
const KINDS: readonly Kind[] = ['command', 'action', 'view', 'event', 'shortcut', 'options'];

/**
 * Bolt runs every registered listener's middleware chain for every request (the non-matching ones stop at their
 * type filter), and each step of a chain copies the request's arguments: with our ~60 listeners that was half of
 * the CPU of a `/vision` request. `routeListeners(app)` returns the same App in which
 * `command/action/view/event/shortcut/options` with a string id are recorded in a table instead; `dispatch`, the
 * last stage of the request pipeline (request-pipeline.ts), finds the request's kind and id and runs only the chains that match, so
 * Bolt itself has no listener chain to walk. The semantics of string constraints are Bolt's: action_id of block
 * actions and of block suggestions, callback_id of view submissions and shortcuts, the event type, the command
 * name. Anything else (RegExp, constraint objects, other methods) goes to Bolt as is.
 */
export function routeListeners(app: App): { app: App; dispatch: RequestStep } {
  const tables = new Map<Kind, Map<string, Listener[][]>>();
  const isKind = (name: string | symbol): name is Kind => KINDS.includes(name as Kind);
  const routed = new Proxy(app, {
    get(target, property, receiver) {
      const original: unknown = Reflect.get(target, property, receiver);
      if (!isKind(property) || typeof original !== 'function') return original;
      return (constraint: unknown, ...listeners: Listener[]) => {
        if (typeof constraint !== 'string') return original.call(target, constraint, ...listeners);
        const table = tables.get(property) ?? new Map<string, Listener[][]>();
        tables.set(property, table);
        table.set(constraint, [...(table.get(constraint) ?? []), listeners]);
      };
    },
  });
  return {
    app: routed,
    // The last stage of the request pipeline; `next` runs the listeners Bolt holds itself (non-string
    // constraints), at the same time as ours, as Bolt would.
    dispatch: (args, next) => {
      const kind = kindOf(args);
      const chains = kind ? tables.get(kind)?.get(requestId(kind, args) ?? '') : undefined;
      return runAll(chains ?? [], args, next);
    },
  };
}

/** Which kind of listener a request is for, by the same tests as Bolt's own type filters (onlyCommands, ...). */
export function kindOf(args: AnyMiddlewareArgs): Kind | undefined {
  const body = args.body as { type?: unknown };
  if ('command' in args && args.command) return 'command';
  if ('event' in args && args.event) return 'event';
  if ('action' in args && args.action) return body.type === 'block_actions' ? 'action' : undefined;
  if ('view' in args && args.view) return body.type === 'view_submission' ? 'view' : undefined;
  if ('shortcut' in args && args.shortcut) return 'shortcut';
  if ('options' in args && args.options) return 'options';
  return undefined;
}

/** The id a string constraint of this kind is compared with, as Bolt's matchConstraints does. */
export function requestId(kind: Kind, args: AnyMiddlewareArgs): string | undefined {
  const payload = args.payload as Record<string, unknown>;
  const field = (value: unknown) => (typeof value === 'string' ? value : undefined);
  switch (kind) {
    case 'command':
      return field(payload.command);
    case 'action':
    case 'options':
      return field(payload.action_id);
    case 'event':
      return field(payload.type);
    case 'view':
    case 'shortcut':
      return field(payload.callback_id);
  }
}

/** Like Bolt: every matching chain starts at once; one failure is rethrown, several as an AggregateError. */
async function runAll(
  chains: readonly Listener[][],
  args: Parameters<Listener>[0],
  boltListeners: () => Promise<void>,
): Promise<void> {
  const results = await Promise.allSettled([
    ...chains.map((chain) => runChain(chain, 0, args)),
    boltListeners(),
  ]);
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failures.length === 1) throw failures[0]!.reason;
  if (failures.length > 1)
    throw new AggregateError(
      failures.map((f) => f.reason),
      'several listeners failed',
    );
}

async function runChain(
  chain: readonly Listener[],
  index: number,
  args: Parameters<Listener>[0],
): Promise<void> {
  const listener = chain[index];
  if (!listener) return;
  await listener({ ...args, next: () => runChain(chain, index + 1, args) });
}
