import type { AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';

type Kind = 'command' | 'action' | 'view' | 'event' | 'shortcut';
type Listener = Middleware<AnyMiddlewareArgs>;
const KINDS: readonly Kind[] = ['command', 'action', 'view', 'event', 'shortcut'];

/**
 * Bolt runs every registered listener's middleware chain for every request (the non-matching ones stop at their
 * type filter), and that cost grows with the number of listeners: with our ~60 it was half of the CPU of a
 * `/vision` request and doubled ack latency under load. `routeListeners(app)` returns the same App in which
 * `command/action/view/event/shortcut` with a string id are recorded in a table instead; `install()` then
 * registers one Bolt listener per kind that looks the request's id up and runs only what matches. The semantics
 * of string constraints are Bolt's: action_id of block actions, callback_id of view submissions and shortcuts,
 * the event type, the command name. Anything else (RegExp, constraint objects, other methods) goes to Bolt as is.
 */
export function routeListeners(app: App): { app: App; install(): void } {
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
    install() {
      const route = (kind: Kind): Listener => {
        const table = tables.get(kind)!;
        return (args) => runAll(table.get(requestId(kind, args) ?? '') ?? [], args);
      };
      const anything = /[\s\S]*/;
      if (tables.has('command')) app.command(anything, route('command'));
      if (tables.has('action')) app.action({ type: 'block_actions' }, route('action'));
      if (tables.has('view')) app.view({ type: 'view_submission' }, route('view'));
      if (tables.has('event')) app.event(anything, route('event'));
      if (tables.has('shortcut')) app.shortcut(anything, route('shortcut'));
    },
  };
}

/** The id a string constraint of this kind is compared with, as Bolt's matchConstraints does. */
export function requestId(kind: Kind, args: AnyMiddlewareArgs): string | undefined {
  const payload = args.payload as Record<string, unknown>;
  const field = (value: unknown) => (typeof value === 'string' ? value : undefined);
  switch (kind) {
    case 'command':
      return field(payload.command);
    case 'action':
      return field(payload.action_id);
    case 'event':
      return field(payload.type);
    case 'view':
    case 'shortcut':
      return field(payload.callback_id);
  }
}

/** Like Bolt: every matching chain starts at once; one failure is rethrown, several as an AggregateError. */
async function runAll(chains: readonly Listener[][], args: Parameters<Listener>[0]): Promise<void> {
  const results = await Promise.allSettled(chains.map((chain) => runChain(chain, 0, args)));
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
