import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WorkspaceState } from '../emulator/state.js';

const HEARTBEAT_MS = 15_000;
const DEBOUNCE_MS = 25;

/** Server-sent events: one `change` event (debounced) whenever the workspace changes; the page refetches. */
export class ChangeStream {
  private readonly clients = new Set<ServerResponse>();

  constructor(private readonly state: WorkspaceState) {}

  open(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 1000\n\n');
    let timer: NodeJS.Timeout | null = null;
    let kinds = new Set<string>();
    const unsubscribe = this.state.onChange((change) => {
      if (change.kind === 'call') return;
      kinds.add(change.kind);
      timer ??= setTimeout(() => {
        timer = null;
        res.write(`event: change\ndata: ${JSON.stringify({ kinds: [...kinds] })}\n\n`);
        kinds = new Set();
      }, DEBOUNCE_MS);
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    this.clients.add(res);
    const cleanup = () => {
      unsubscribe();
      clearInterval(heartbeat);
      if (timer) clearTimeout(timer);
      this.clients.delete(res);
    };
    req.on('close', cleanup);
    res.on('close', cleanup);
  }

  /** Ends every open stream, so the HTTP server can close. */
  closeAll(): void {
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}
