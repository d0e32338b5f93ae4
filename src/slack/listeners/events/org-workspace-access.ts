import type { App } from '@slack/bolt';
import { z } from 'zod';
import { forgetTeam } from '../../../services/uninstall.js';
import type { AppDeps } from '../../deps.js';

const teamIdsSchema = z.object({ team_ids: z.array(z.string().min(1)).max(10_000) });

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
    const now = deps.clock();
    for (const teamId of parsed.data.team_ids) {
      const outcome = await forgetTeam(deps.repos, {
        teamId,
        enterpriseId,
        now,
        graceDays: deps.purgeGraceDays ?? 30,
      });
      deps.logger.info(
        `team_access_revoked: workspace ${teamId} removed from org ${enterpriseId}; ` +
          (outcome.purged ? 'data purged now' : `data purged after ${outcome.purgeAfter.toISOString()}`),
      );
    }
  });

  app.event('team_access_granted', async ({ event, context }) => {
    const parsed = teamIdsSchema.safeParse(event);
    const enterpriseId = context.enterpriseId;
    if (!parsed.success || !enterpriseId) return;
    await deps.repos.teamLifecycle.rememberOrgWorkspaces(enterpriseId, parsed.data.team_ids, deps.clock());
    for (const teamId of parsed.data.team_ids) await deps.repos.teamLifecycle.markReinstalled(teamId);
    deps.logger.info(`team_access_granted: org ${enterpriseId} added ${parsed.data.team_ids.join(', ')}`);
  });
}
