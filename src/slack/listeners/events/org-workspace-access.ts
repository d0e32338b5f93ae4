import type { App } from '@slack/bolt';
import { z } from 'zod';
import { forgetOrgWorkspaces, restoreOrgWorkspaces } from '../../../services/uninstall.js';
import type { AppDeps } from '../../deps.js';

const teamIdsSchema = z.object({ team_ids: z.array(z.string().regex(/^[A-Z0-9]+$/)).max(10_000) });

/**
 * Enterprise Grid, org-wide install: an admin removes the app from some workspaces of the org
 * (`team_access_revoked`) or adds it back (`team_access_granted`). A removed workspace is forgotten on its own
 * (jobs stop now, data purged after the grace period); the org's token and its other workspaces are untouched.
 * Added back within the grace period, its data is kept.
 */
export function registerOrgWorkspaceAccess(app: App, deps: AppDeps): void {
  app.event('team_access_revoked', async ({ event, context }) => {
    const parsed = teamIdsSchema.safeParse(event);
    const enterpriseId = context.enterpriseId;
    if (!parsed.success || !enterpriseId) return;
    const outcomes = await forgetOrgWorkspaces(deps.repos, {
      enterpriseId,
      teamIds: parsed.data.team_ids,
      now: deps.clock(),
      graceDays: deps.purgeGraceDays ?? 30,
    });
    for (const outcome of outcomes) {
      deps.logger.info(
        `team_access_revoked: workspace ${outcome.teamId} removed from org ${enterpriseId}; ` +
          (outcome.purged ? 'data purged now' : `data purged after ${outcome.purgeAfter.toISOString()}`),
      );
    }
  });

  app.event('team_access_granted', async ({ event, context }) => {
    const parsed = teamIdsSchema.safeParse(event);
    const enterpriseId = context.enterpriseId;
    if (!parsed.success || !enterpriseId) return;
    const restored = await restoreOrgWorkspaces(deps.repos, {
      enterpriseId,
      teamIds: parsed.data.team_ids,
      now: deps.clock(),
    });
    deps.logger.info(
      `team_access_granted: org ${enterpriseId} added ${parsed.data.team_ids.join(', ')}; ` +
        `purge cancelled for ${restored.join(', ') || 'none'}`,
    );
  });
}
