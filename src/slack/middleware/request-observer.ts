import { randomUUID } from 'node:crypto';
import type { App, ReceiverEvent } from '@slack/bolt';
import type { AckOutcome, AppMetrics } from '../../http/metrics.js';
import type { AppLogger, LogContext } from '../../logger.js';

/** Slack retries a request that is not acknowledged within 3 seconds. */
const ACK_DEADLINE_MS = 3_000;

/** Shared with the listeners through Bolt's context (`context.observed`): ensureAck marks a listener failure. */
export interface ObservedRequest {
  requestId: string;
  logger: AppLogger;
  failed: boolean;
  /** Set by the first ack(), so ensureAck does not ack twice (Bolt answers a second ack with a costly error). */
  acked: boolean;
}

type Json = Record<string, unknown>;
const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Json)[key] : undefined;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** Which listener a payload goes to, as a bounded label: `command:/vision`, `action:<id>`, `event:app_mention`. */
export function listenerLabel(body: unknown): string {
  const type = text(field(body, 'type'));
  const command = text(field(body, 'command'));
  if (command) return `command:${command}`;
  if (type === 'event_callback') return `event:${text(field(field(body, 'event'), 'type')) ?? 'unknown'}`;
  if (type === 'block_actions') {
    const actions = field(body, 'actions');
    return `action:${text(Array.isArray(actions) ? field(actions[0], 'action_id') : undefined) ?? 'unknown'}`;
  }
  if (type === 'view_submission' || type === 'view_closed') {
    return `view:${text(field(field(body, 'view'), 'callback_id')) ?? 'unknown'}`;
  }
  if (type === 'shortcut' || type === 'message_action') {
    return `shortcut:${text(field(body, 'callback_id')) ?? 'unknown'}`;
  }
  if (type === 'block_suggestion') return `options:${text(field(body, 'action_id')) ?? 'unknown'}`;
  return type ? `other:${type}` : 'unknown';
}

export function teamIdOf(body: unknown): string | undefined {
  const authorizations = field(body, 'authorizations');
  return (
    text(field(body, 'team_id')) ??
    text(field(field(body, 'team'), 'id')) ??
    text(Array.isArray(authorizations) ? field(authorizations[0], 'team_id') : undefined) ??
    text(field(field(body, 'user'), 'team_id'))
  );
}

/**
 * Wraps the app's entry point for every Slack request (HTTP or Socket Mode): a request id (the HTTP server's, or a
 * new one), a child logger carrying it with the team and listener, one log line when the request is done, and
 * metrics: acks by listener and outcome and the time to ack.
 */
export function observeRequests(app: App, logger: AppLogger, metrics: AppMetrics): void {
  const dispatch = app.processEvent.bind(app);
  const log = logger.child('requests');
  app.processEvent = async (event: ReceiverEvent) => {
    const started = performance.now();
    const listener = listenerLabel(event.body);
    const teamId = teamIdOf(event.body);
    const requestId = text(field(event.customProperties, 'requestId')) ?? randomUUID();
    const context: LogContext = { requestId, listener, ...(teamId ? { teamId } : {}) };
    let requestLogger: AppLogger | null = null;
    const observed: ObservedRequest = {
      requestId,
      // Made when a listener first logs: most requests only write the line below.
      get logger() {
        requestLogger ??= log.with(context);
        return requestLogger;
      },
      failed: false,
      acked: false,
    };
    let ackMs: number | null = null;
    const ack: ReceiverEvent['ack'] = async (response) => {
      if (ackMs === null) {
        observed.acked = true;
        ackMs = performance.now() - started;
        metrics.ackSeconds.observe({ listener }, ackMs / 1000);
      }
      return event.ack(response);
    };
    let threw = false;
    try {
      await dispatch({ ...event, ack, customProperties: { ...event.customProperties, requestId, observed } });
    } catch (error) {
      threw = true;
      throw error;
    } finally {
      const outcome: AckOutcome =
        threw || observed.failed ? 'error' : ackMs !== null && ackMs > ACK_DEADLINE_MS ? 'late' : 'ok';
      metrics.acks.inc({ listener, outcome });
      const line = log.with({
        ...context,
        durationMs: Math.round(performance.now() - started),
        ...(ackMs !== null ? { ackMs: Math.round(ackMs) } : {}),
        outcome,
      });
      if (outcome === 'ok') line.info('handled');
      else line.warn(outcome === 'late' ? 'acknowledged after 3 s' : 'listener failed');
    }
  };
}

export function isObservedRequest(value: unknown): value is ObservedRequest {
  return typeof value === 'object' && value !== null && 'requestId' in value && 'failed' in value;
}
