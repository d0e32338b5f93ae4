import type { WebClient } from '@slack/web-api';

/** The Web API client carrying one workspace's own token; null when the app is not (or no longer) installed there. */
export type TeamClientLookup = (teamId: string) => Promise<WebClient | null>;

/** A job's client: one client (one-workspace mode, CLI, tests) or a lookup by team (installed in many). */
export type JobClient = WebClient | TeamClientLookup;

export async function clientForTeam(client: JobClient, teamId: string): Promise<WebClient | null> {
  return typeof client === 'function' ? client(teamId) : client;
}
