import type { ServerResponse } from 'node:http';
import { pathOf, type RouteHandler } from './server.js';

/** How the app is connected to Slack, as /readyz reports it. */
export interface SlackConnectionStatus {
  mode: 'http' | 'socket' | 'local' | 'oauth';
  /** HTTP/local: the receiver is mounted on /slack/events. Socket Mode: the WebSocket is connected. */
  up: boolean;
}

export interface ReadinessChecks {
  engine: string;
  ping(): Promise<boolean>;
  pendingMigrations(): Promise<string[]>;
  slack(): SlackConnectionStatus;
  onDatabaseError?: () => void;
}

/**
 * Readiness (GET /readyz): 200 only when the database answers, every migration is applied and the Slack
 * connection is up; otherwise 503 with what is missing, so a load balancer or orchestrator holds traffic.
 */
export function readinessRoute(checks: ReadinessChecks): RouteHandler {
  const answer = async (res: ServerResponse) => {
    const reachable = await checks.ping();
    if (!reachable) checks.onDatabaseError?.();
    const pending = reachable ? await checks.pendingMigrations().catch(() => null) : null;
    const slack = checks.slack();
    const problems = [
      ...(reachable ? [] : ['database unreachable']),
      ...(pending === null && reachable ? ['migrations could not be read'] : []),
      ...(pending && pending.length > 0 ? [`${pending.length} migration(s) not applied`] : []),
      ...(slack.up
        ? []
        : [slack.mode === 'socket' ? 'Socket Mode not connected' : 'Slack receiver not mounted']),
    ];
    const ready = problems.length === 0;
    res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        status: ready ? 'ready' : 'not_ready',
        problems,
        database: { engine: checks.engine, reachable, pendingMigrations: pending },
        slack,
      }),
    );
    return true;
  };
  return (req, res) => req.method === 'GET' && pathOf(req.url) === '/readyz' && answer(res);
}
