import { randomBytes } from 'node:crypto';
import type { StateChange } from './state.js';
import type { Clock, JsonObject, StoredView } from './types.js';

export const MAX_MODAL_STACK = 3;

/** Open modals (a stack per user) and published Home tabs. */
export class ViewStore {
  private readonly byId = new Map<string, StoredView>();
  private readonly stacks = new Map<string, string[]>();
  private readonly homes = new Map<string, string>();

  constructor(
    private readonly newId: () => string,
    private readonly clock: Clock,
    private readonly emit: (change: StateChange) => void,
  ) {}

  get(viewId: string): StoredView | undefined {
    return this.byId.get(viewId);
  }

  byExternalId(externalId: string): StoredView | undefined {
    return [...this.byId.values()].find((v) => v.open && v.externalId !== '' && v.externalId === externalId);
  }

  /** The user's open modal stack, bottom (root) first. */
  stack(userId: string): StoredView[] {
    return (this.stacks.get(userId) ?? []).map((id) => this.byId.get(id)!).filter(Boolean);
  }

  top(userId: string): StoredView | undefined {
    return this.stack(userId).at(-1);
  }

  home(userId: string): StoredView | undefined {
    const id = this.homes.get(userId);
    return id ? this.byId.get(id) : undefined;
  }

  /** views.open: a new root modal; any modal the user had open is replaced. */
  open(userId: string, definition: JsonObject): StoredView {
    for (const old of this.stack(userId)) old.open = false;
    const view = this.create(userId, 'modal', definition, null);
    view.rootViewId = view.id;
    this.stacks.set(userId, [view.id]);
    this.emit({ kind: 'view.opened', viewId: view.id, userId });
    return view;
  }

  /** views.push / response_action push: on top of the user's stack. Caller checks the stack limit. */
  push(userId: string, definition: JsonObject): StoredView {
    const below = this.top(userId);
    const view = this.create(userId, 'modal', definition, below?.id ?? null);
    view.rootViewId = below?.rootViewId ?? view.id;
    this.stacks.set(userId, [...(this.stacks.get(userId) ?? []), view.id]);
    this.emit({ kind: 'view.opened', viewId: view.id, userId });
    return view;
  }

  /** Replaces a view's definition in place; it keeps its id and gets a new hash. */
  replace(view: StoredView, definition: JsonObject): StoredView {
    view.definition = definition;
    view.externalId = typeof definition.external_id === 'string' ? definition.external_id : view.externalId;
    view.hash = this.newHash();
    view.values = {};
    view.errors = undefined;
    this.emit({
      kind: view.type === 'home' ? 'home.published' : 'view.updated',
      viewId: view.id,
      userId: view.userId,
    });
    return view;
  }

  /** Closes a modal and everything pushed above it. */
  close(viewId: string): void {
    const view = this.byId.get(viewId);
    if (view?.type !== 'modal') return;
    const stack = this.stacks.get(view.userId) ?? [];
    const index = stack.indexOf(viewId);
    if (index < 0) return;
    for (const id of stack.slice(index)) {
      const closed = this.byId.get(id);
      if (closed) closed.open = false;
      this.emit({ kind: 'view.closed', viewId: id, userId: view.userId });
    }
    this.stacks.set(view.userId, stack.slice(0, index));
  }

  /** response_action clear: closes the whole stack. */
  clear(userId: string): void {
    const root = this.stack(userId)[0];
    if (root) this.close(root.id);
  }

  publishHome(userId: string, definition: JsonObject): StoredView {
    const existing = this.home(userId);
    if (existing) return this.replace(existing, definition);
    const view = this.create(userId, 'home', definition, null);
    view.rootViewId = view.id;
    this.homes.set(userId, view.id);
    this.emit({ kind: 'home.published', viewId: view.id, userId });
    return view;
  }

  private create(
    userId: string,
    type: StoredView['type'],
    definition: JsonObject,
    previousViewId: string | null,
  ): StoredView {
    const view: StoredView = {
      id: this.newId(),
      userId,
      type,
      hash: this.newHash(),
      rootViewId: '',
      previousViewId,
      externalId: typeof definition.external_id === 'string' ? definition.external_id : '',
      definition,
      values: {},
      open: true,
    };
    this.byId.set(view.id, view);
    return view;
  }

  private newHash(): string {
    return `${Math.floor(this.clock() / 1000)}.${randomBytes(4).toString('hex')}`;
  }
}
